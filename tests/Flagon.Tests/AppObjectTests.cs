using Flagon.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flagon.Tests;

/// <summary>The application object: folders by convention, config defaults and loaders, DI, logger.</summary>
public class AppObjectTests
{
    [Fact]
    public void FoldersFollowFlasksConventions()
    {
        var root = Path.Combine(Path.GetTempPath(), "flagon-app-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var app = new FlagonApp(rootPath: root);
            Assert.Equal(Path.GetFullPath(root), app.RootPath);
            Assert.Equal(Path.Combine(app.RootPath, "static"), app.StaticFolder);
            Assert.Equal("/static", app.StaticUrlPath);
            Assert.Equal(Path.Combine(app.RootPath, "templates"), app.TemplateFolder);
            Assert.Equal(Path.Combine(app.RootPath, "instance"), app.InstancePath);
            Assert.Contains(app.UrlMap.Rules, r => r.Endpoint == "static" && r.Pattern == "/static/<path:filename>");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void ConfigHasFlasksDefaults()
    {
        var app = TestApps.New();
        Assert.Equal(false, app.Config["DEBUG"]);
        Assert.Equal(false, app.Config["TESTING"]);
        Assert.Null(app.Config["SECRET_KEY"]);
        Assert.Null(app.Config["PROPAGATE_EXCEPTIONS"]);
        Assert.Equal(false, app.Config["TRAP_HTTP_EXCEPTIONS"]);
        Assert.Null(app.Config["MAX_CONTENT_LENGTH"]);
        Assert.Null(app.Config["SERVER_NAME"]);
        Assert.Equal("/", app.Config["APPLICATION_ROOT"]);
        Assert.Equal("http", app.Config["PREFERRED_URL_SCHEME"]);
        Assert.Null(app.Config["SEND_FILE_MAX_AGE_DEFAULT"]);
        Assert.Equal(TimeSpan.FromDays(31), app.Config["PERMANENT_SESSION_LIFETIME"]);
        app.Debug = true;
        Assert.Equal(true, app.Config["DEBUG"]);
        app.SecretKey = "s3cret";
        Assert.Equal("s3cret", app.Config["SECRET_KEY"]);
    }

    [Fact]
    public void ConfigLoadsFromMappingsJsonAndPrefixedEnvironment()
    {
        var app = TestApps.New();
        app.Config.FromMapping(new Dictionary<string, object?> { ["UPPER"] = 1, ["lower"] = 2 });
        Assert.Equal(1, app.Config["UPPER"]);
        Assert.False(app.Config.ContainsKey("lower"));

        var file = Path.Combine(Path.GetTempPath(), $"flagon-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\"FROM_JSON\": [1, 2], \"SECRET_KEY\": \"k\"}");
        try
        {
            Assert.True(app.Config.FromJsonFile(file));
            Assert.Equal("k", app.Config["SECRET_KEY"]);
            Assert.False(app.Config.FromJsonFile(file + ".missing", silent: true));
            Assert.Throws<FileNotFoundException>(() => app.Config.FromJsonFile(file + ".missing"));
        }
        finally
        {
            File.Delete(file);
        }

        var prefix = "FLAGONTEST" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        Environment.SetEnvironmentVariable($"{prefix}_PORT", "8080");
        Environment.SetEnvironmentVariable($"{prefix}_NAME", "not json");
        Environment.SetEnvironmentVariable($"{prefix}_DB__HOST", "\"db.local\"");
        try
        {
            app.Config.FromPrefixedEnv(prefix);
            Assert.Equal(8080L, app.Config["PORT"]);
            Assert.Equal("not json", app.Config["NAME"]);
            Assert.Equal("db.local", ((IDictionary<string, object?>)app.Config["DB"]!)["HOST"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{prefix}_PORT", null);
            Environment.SetEnvironmentVariable($"{prefix}_NAME", null);
            Environment.SetEnvironmentVariable($"{prefix}_DB__HOST", null);
        }
    }

    private sealed class Clock
    {
        public string Now => "noon";
    }

    [Fact]
    public async Task ServicesAndLoggerComeFromAspNetCore()
    {
        var app = TestApps.New();
        app.Services.AddSingleton<Clock>();
        app.Get("/", (Clock clock) => clock.Now, endpoint: "i");
        using var client = app.TestClient();
        Assert.Equal("noon", (await client.GetAsync("/")).Text);
        Assert.NotNull(app.ServiceProvider.GetService<Clock>());
        Assert.IsAssignableFrom<ILogger>(app.Logger);
    }

    [Fact]
    public void RelativeInstancePathIsRejected()
    {
        Assert.Throws<ArgumentException>(() => new FlagonApp(rootPath: AppContext.BaseDirectory, instancePath: "relative/instance"));
    }

    [Fact]
    public async Task AppsCanBeDisposed()
    {
        var built = TestApps.New();
        built.Get("/", () => "x", endpoint: "i");
        using (var client = built.TestClient())
        {
            Assert.Equal("x", (await client.GetAsync("/")).Text);
        }

        await built.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => built.ServiceProvider.GetService(typeof(ILoggerFactory)));

        var unbuilt = TestApps.New();
        unbuilt.Dispose();
    }
}
