using System.Text.Json;
using Flagon.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>app.Config: Flask's defaults, every loader (mapping, object, JSON/TOML files, env, IConfiguration), the instance folder, and keys that drive behaviour.</summary>
public sealed class ConfigTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flagon-config-" + Guid.NewGuid().ToString("N"));

    public ConfigTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static readonly HashSet<string> _deprecatedIn22 = ["ENV", "JSON_AS_ASCII", "JSON_SORT_KEYS", "JSONIFY_MIMETYPE", "JSONIFY_PRETTYPRINT_REGULAR"];

    [Fact]
    public void DefaultsAreFlasks()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "config_defaults.json");
        var flask = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("config");
        var config = TestApps.New().Config;
        foreach (var key in flask.EnumerateObject().Where(k => !_deprecatedIn22.Contains(k.Name)))
        {
            Assert.True(config.ContainsKey(key.Name), key.Name);
            object? expected = key.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => key.Value.GetString(),
                JsonValueKind.Number when key.Name == "PERMANENT_SESSION_LIFETIME" => TimeSpan.FromSeconds(key.Value.GetDouble()),
                _ => key.Value.GetInt32(),
            };
            Assert.True(Equals(expected, config[key.Name]), $"{key.Name}: expected {expected}, got {config[key.Name]}");
        }
    }

    private class BaseSettings
    {
        public static string INHERITED = "from base";
    }

    private sealed class Settings : BaseSettings
    {
        public const int PORT = 8080;
        public static readonly string SECRET_KEY = "static-key";
        public static bool DEBUG => true;
        public static string lower_case = "ignored";
        private static readonly string HIDDEN = "private";
        public string INSTANCE_VALUE { get; } = "instance";
        public string DATABASE = "db.sqlite";

        public static string Hidden => HIDDEN;
    }

    [Fact]
    public void FromObjectReadsUppercasePublicStaticAndInstanceMembers()
    {
        var config = TestApps.New().Config;
        config.FromObject(new Settings());
        Assert.Equal(8080, config["PORT"]);
        Assert.Equal("static-key", config["SECRET_KEY"]);
        Assert.Equal(true, config["DEBUG"]);
        Assert.Equal("instance", config["INSTANCE_VALUE"]);
        Assert.Equal("db.sqlite", config["DATABASE"]);
        Assert.Equal("from base", config["INHERITED"]);
        Assert.False(config.ContainsKey("lower_case"));
        Assert.False(config.ContainsKey("HIDDEN"));
    }

    [Fact]
    public void FromObjectWithATypeReadsOnlyStaticMembers()
    {
        var config = TestApps.New().Config;
        config.FromObject<Settings>();
        Assert.Equal("static-key", config["SECRET_KEY"]);
        Assert.Equal("from base", config["INHERITED"]);
        Assert.False(config.ContainsKey("INSTANCE_VALUE"));
        Assert.False(config.ContainsKey("DATABASE"));
    }

    [Fact]
    public void FromMappingKeepsUppercaseKeysOnly()
    {
        var config = TestApps.New().Config;
        config.FromMapping(new Dictionary<string, object?> { ["UPPER"] = 1, ["lower"] = 2, ["Mixed"] = 3 });
        Assert.Equal(1, config["UPPER"]);
        Assert.False(config.ContainsKey("lower"));
        Assert.False(config.ContainsKey("Mixed"));
    }

    [Fact]
    public void FromFileLoadsJson()
    {
        Write("settings.json", """{"SECRET_KEY": "k", "MAX_CONTENT_LENGTH": 1024, "DB": {"HOST": "x"}, "ignored": 1}""");
        var config = new FlagonApp(rootPath: _root).Config;
        Assert.True(config.FromFile("settings.json"));
        Assert.Equal("k", config["SECRET_KEY"]);
        Assert.Equal(1024L, config["MAX_CONTENT_LENGTH"]);
        Assert.Equal("x", ((IDictionary<string, object?>)config["DB"]!)["HOST"]);
        Assert.False(config.ContainsKey("ignored"));
    }

    [Fact]
    public void FromFileLoadsToml()
    {
        Write("settings.toml", """
            SECRET_KEY = "toml-key"
            MAX_CONTENT_LENGTH = 2048
            RATIO = 0.5
            TESTING = true
            HOSTS = ["a", "b"]
            STARTS = 1979-05-27T07:32:00Z
            lower = "ignored"

            [DATABASE]
            PATH = "flaskr.sqlite"
            """);
        var config = new FlagonApp(rootPath: _root).Config;
        Assert.True(config.FromFile("settings.toml"));
        Assert.Equal("toml-key", config["SECRET_KEY"]);
        Assert.Equal(2048L, config["MAX_CONTENT_LENGTH"]);
        Assert.Equal(0.5, config["RATIO"]);
        Assert.Equal(true, config["TESTING"]);
        Assert.Equal(["a", "b"], (List<object?>)config["HOSTS"]!);
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 7, 32, 0, TimeSpan.Zero), config["STARTS"]);
        Assert.Equal("flaskr.sqlite", ((IDictionary<string, object?>)config["DATABASE"]!)["PATH"]);
        Assert.False(config.ContainsKey("lower"));
        Assert.Equal(2048, config.Get<int>("MAX_CONTENT_LENGTH"));
    }

    [Fact]
    public void MissingFilesThrowUnlessSilent()
    {
        var config = new FlagonApp(rootPath: _root).Config;
        Assert.False(config.FromFile("missing.toml", silent: true));
        Assert.False(config.FromJsonFile("missing.json", silent: true));
        var error = Assert.Throws<FileNotFoundException>(() => config.FromFile("missing.toml"));
        Assert.Contains("missing.toml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadFilesGiveClearErrors()
    {
        Write("bad.toml", "KEY = = 1");
        Write("list.json", "[1, 2]");
        Write("settings.yaml", "A: 1");
        var config = new FlagonApp(rootPath: _root).Config;
        Assert.Throws<InvalidDataException>(() => config.FromFile("bad.toml"));
        Assert.Throws<InvalidDataException>(() => config.FromFile("list.json"));
        Assert.Throws<ArgumentException>(() => config.FromFile("settings.yaml"));
        Assert.True(config.FromFile("settings.yaml", text => new Dictionary<string, object?> { ["YAML"] = text.Trim() }));
        Assert.Equal("A: 1", config["YAML"]);
    }

    [Fact]
    public void InstanceRelativeConfigLoadsFromTheInstanceFolder()
    {
        Write("instance/config.toml", "SECRET_KEY = \"from-instance\"");
        Write("config.toml", "SECRET_KEY = \"from-root\"");
        var relative = new FlagonApp(rootPath: _root, instanceRelativeConfig: true);
        Assert.Equal(Path.Combine(_root, "instance"), relative.Config.RootPath);
        relative.Config.FromFile("config.toml");
        Assert.Equal("from-instance", relative.SecretKey);

        var plain = new FlagonApp(rootPath: _root);
        plain.Config.FromFile("config.toml");
        Assert.Equal("from-root", plain.SecretKey);
    }

    [Fact]
    public void OpenInstanceResourceReadsFromTheInstanceFolder()
    {
        Write("instance/schema.sql", "create table t (x);");
        var app = new FlagonApp(rootPath: _root);
        using var reader = new StreamReader(app.OpenInstanceResource("schema.sql"));
        Assert.Equal("create table t (x);", reader.ReadToEnd());
    }

    [Fact]
    public void FromEnvVarLoadsTheNamedFile()
    {
        var variable = "FLAGON_TEST_SETTINGS_" + Guid.NewGuid().ToString("N");
        var path = Write("env.json", """{"FROM_ENV_FILE": true}""");
        var config = new FlagonApp(rootPath: _root).Config;
        Assert.False(config.FromEnvVar(variable, silent: true));
        Assert.Throws<InvalidOperationException>(() => config.FromEnvVar(variable));
        Environment.SetEnvironmentVariable(variable, path);
        try
        {
            Assert.True(config.FromEnvVar(variable));
            Assert.Equal(true, config["FROM_ENV_FILE"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void FromPrefixedEnvParsesJsonNestsAndTakesACustomLoader()
    {
        var prefix = "FLAGONCFG" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(prefix + "_PORT", "8080");
        Environment.SetEnvironmentVariable(prefix + "_FLAG", "true");
        Environment.SetEnvironmentVariable(prefix + "_NAME", "plain text");
        Environment.SetEnvironmentVariable(prefix + "_DB__HOST", "db.local");
        Environment.SetEnvironmentVariable(prefix + "_DB__PORT", "5432");
        try
        {
            var config = TestApps.New().Config.FromPrefixedEnv(prefix);
            Assert.Equal(8080L, config["PORT"]);
            Assert.Equal(true, config["FLAG"]);
            Assert.Equal("plain text", config["NAME"]);
            var db = (IDictionary<string, object?>)config["DB"]!;
            Assert.Equal("db.local", db["HOST"]);
            Assert.Equal(5432L, db["PORT"]);

            var upper = TestApps.New().Config.FromPrefixedEnv(prefix, raw => raw.ToUpperInvariant());
            Assert.Equal("PLAIN TEXT", upper["NAME"]);
        }
        finally
        {
            foreach (var name in new[] { "_PORT", "_FLAG", "_NAME", "_DB__HOST", "_DB__PORT" })
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Fact]
    public void FromConfigurationReadsAnAppsettingsSection()
    {
        Write("appsettings.json", """
            {
              "Flagon": {
                "SECRET_KEY": "from-appsettings",
                "MAX_CONTENT_LENGTH": 1024,
                "TESTING": true,
                "SESSION_COOKIE_NAME": "sid",
                "ALLOWED": ["a", "b"],
                "DB": { "HOST": "db.local", "PORT": 5432 },
                "lowercase": "ignored"
              }
            }
            """);
        var configuration = new ConfigurationBuilder().SetBasePath(_root).AddJsonFile("appsettings.json").Build();
        var config = TestApps.New().Config.FromConfiguration(configuration.GetSection("Flagon"));
        Assert.Equal("from-appsettings", config["SECRET_KEY"]);
        Assert.Equal(1024L, config["MAX_CONTENT_LENGTH"]);
        Assert.Equal(true, config["TESTING"]);
        Assert.Equal("sid", config["SESSION_COOKIE_NAME"]);
        Assert.Equal(["a", "b"], (List<object?>)config["ALLOWED"]!);
        Assert.Equal(5432L, ((IDictionary<string, object?>)config["DB"]!)["PORT"]);
        Assert.False(config.ContainsKey("lowercase"));
    }

    [Fact]
    public void FromConfigurationValuesFromTheAppBuilderDriveTheApp()
    {
        var app = TestApps.New();
        app.Builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Flagon:MAX_CONTENT_LENGTH"] = "4", ["Flagon:DEBUG"] = "False" });
        app.Config.FromConfiguration(app.Builder.Configuration.GetSection("Flagon"));
        app.Post("/upload", () => Request.GetData().Length.ToString(System.Globalization.CultureInfo.InvariantCulture), endpoint: "upload");
        using var client = app.TestClient();
        Assert.Equal(413, client.Post("/upload", data: "too long").StatusCode);
        Assert.Equal("3", client.Post("/upload", data: "abc").Text);
        Assert.False(app.Debug);
    }

    [Fact]
    public void GetNamespaceSelectsPrefixedKeys()
    {
        var config = TestApps.New().Config;
        config["IMAGE_STORE_TYPE"] = "fs";
        config["IMAGE_STORE_PATH"] = "/var/app/images";
        config["IMAGE_STORE_BASE_URL"] = "http://img.website.com";
        Assert.Equal(new Dictionary<string, object?> { ["type"] = "fs", ["path"] = "/var/app/images", ["base_url"] = "http://img.website.com" }, config.GetNamespace("IMAGE_STORE_"));
        Assert.Equal(["IMAGE_STORE_BASE_URL", "IMAGE_STORE_PATH", "IMAGE_STORE_TYPE"], config.GetNamespace("IMAGE_STORE_", lowercase: false, trimNamespace: false).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ServerNameIsTheHostOfExternalUrlsInsideARequest()
    {
        var app = TestApps.New();
        app.Get("/", () => UrlFor("index", external: true), endpoint: "index");
        using (var client = app.TestClient())
        {
            Assert.Equal("http://localhost/", (await client.GetAsync("/")).Text);
        }

        var configured = TestApps.New();
        configured.Config["SERVER_NAME"] = "example.com:8080";
        configured.Get("/", () => UrlFor("index", external: true), endpoint: "index");
        using var configuredClient = configured.TestClient();
        Assert.Equal("http://example.com:8080/", (await configuredClient.GetAsync("/")).Text);
    }

    [Fact]
    public async Task UseXSendfileLeavesTheBodyToTheFrontServer()
    {
        var file = Write("static/report.txt", "file contents");
        var app = new FlagonApp(rootPath: _root);
        app.Config["USE_X_SENDFILE"] = true;
        using var client = app.TestClient();
        var response = await client.GetAsync("/static/report.txt");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(file, response.Header("X-Sendfile"));
        Assert.Equal(string.Empty, response.Text);
        Assert.StartsWith("text/plain", response.Header("Content-Type"), StringComparison.Ordinal);

        var plain = new FlagonApp(rootPath: _root);
        using var plainClient = plain.TestClient();
        var sent = await plainClient.GetAsync("/static/report.txt");
        Assert.Null(sent.Header("X-Sendfile"));
        Assert.Equal("file contents", sent.Text);
    }

    [Fact]
    public async Task SendFileMaxAgeDefaultSetsCacheControl()
    {
        Write("static/app.js", "x");
        var app = new FlagonApp(rootPath: _root);
        app.Config["SEND_FILE_MAX_AGE_DEFAULT"] = TimeSpan.FromHours(1);
        using var client = app.TestClient();
        Assert.Equal("public, max-age=3600", (await client.GetAsync("/static/app.js")).Header("Cache-Control"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Capture(this);

        public void Dispose()
        {
        }

        private sealed class Capture(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Messages)
                {
                    owner.Messages.Add(formatter(state, exception));
                }
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ExplainTemplateLoadingLogsEachLookup(bool explain)
    {
        Write("templates/page.html", "hi");
        var app = new FlagonApp(rootPath: _root);
        var logs = new CapturingLoggerProvider();
        app.Services.AddSingleton<ILoggerProvider>(logs);
        app.Config["EXPLAIN_TEMPLATE_LOADING"] = explain;
        app.Get("/", () => RenderTemplate("page.html"), endpoint: "index");
        app.Get("/missing", () => RenderTemplate("nope.html"), endpoint: "missing");
        using var client = app.TestClient();
        Assert.Equal("hi", (await client.GetAsync("/")).Text);
        await client.GetAsync("/missing");
        var explanations = logs.Messages.Where(m => m.StartsWith("Locating template", StringComparison.Ordinal)).ToList();
        if (!explain)
        {
            Assert.Empty(explanations);
            return;
        }

        Assert.Equal(2, explanations.Count);
        Assert.Contains("Locating template 'page.html':", explanations[0], StringComparison.Ordinal);
        Assert.Contains("-> found ('" + Path.Combine(_root, "templates", "page.html") + "')", explanations[0], StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_root, "templates"), explanations[0], StringComparison.Ordinal);
        Assert.EndsWith("Error: the template could not be found.", explanations[1], StringComparison.Ordinal);
    }
}
