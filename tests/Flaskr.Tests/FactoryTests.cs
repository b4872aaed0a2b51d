using Flagon.Testing;

namespace Flaskr.Tests;

public class FactoryTests
{
    private static string TempInstance() => Path.Combine(Path.GetTempPath(), "flaskr-instance-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TestingIsOffUnlessTheTestConfigSetsIt()
    {
        var instance = TempInstance();
        try
        {
            using var plain = FlaskrApp.Create(rootPath: AppContext.BaseDirectory, instancePath: instance);
            Assert.False(plain.Testing);
            using var testing = FlaskrApp.Create(testConfig: new Dictionary<string, object?> { ["TESTING"] = true }, rootPath: AppContext.BaseDirectory, instancePath: instance);
            Assert.True(testing.Testing);
        }
        finally
        {
            Directory.Delete(instance, recursive: true);
        }
    }

    [Fact]
    public async Task HelloSaysHello()
    {
        using var flaskr = new FlaskrFixture();
        var response = await flaskr.Client.GetAsync("/hello");
        Assert.Equal("Hello, World!", response.Text);
    }

    [Fact]
    public void DevelopmentDefaultsAndTheInstanceFolder()
    {
        var instance = TempInstance();
        try
        {
            using var app = FlaskrApp.Create(rootPath: AppContext.BaseDirectory, instancePath: instance);
            Assert.True(Directory.Exists(instance));
            Assert.Equal(Environment.GetEnvironmentVariable("FLAGON_SECRET_KEY") ?? "dev", app.SecretKey);
            Assert.Equal(Path.Combine(instance, "flaskr.sqlite"), app.Config["DATABASE"]);
        }
        finally
        {
            Directory.Delete(instance, recursive: true);
        }
    }

    [Fact]
    public void InstanceConfigOverridesTheDefaultsButNotTheTestConfig()
    {
        var instance = TempInstance();
        Directory.CreateDirectory(instance);
        try
        {
            File.WriteAllText(Path.Combine(instance, "config.json"), """{"SECRET_KEY": "from-instance", "DATABASE": "other.sqlite"}""");
            using var app = FlaskrApp.Create(rootPath: AppContext.BaseDirectory, instancePath: instance);
            Assert.Equal(Environment.GetEnvironmentVariable("FLAGON_SECRET_KEY") ?? "from-instance", app.SecretKey);
            Assert.Equal("other.sqlite", app.Config["DATABASE"]);
            using var testing = FlaskrApp.Create(testConfig: new Dictionary<string, object?>(), rootPath: AppContext.BaseDirectory, instancePath: instance);
            Assert.Equal("dev", testing.SecretKey);
        }
        finally
        {
            Directory.Delete(instance, recursive: true);
        }
    }

    [Fact]
    public void TheRoutesAreTheTutorials()
    {
        using var flaskr = new FlaskrFixture();
        var output = new StringWriter();
        Assert.Equal(0, flaskr.App.Cli.Invoke(["routes", "--sort", "rule"], output));
        var table = output.ToString();
        foreach (var (endpoint, rule) in new[]
        {
            ("index", "/"), ("blog.index", "/"), ("blog.create", "/create"), ("blog.update", "/<int:id>/update"),
            ("blog.delete", "/<int:id>/delete"), ("auth.register", "/auth/register"), ("auth.login", "/auth/login"),
            ("auth.logout", "/auth/logout"), ("hello", "/hello"), ("static", "/static/<path:filename>"),
        })
        {
            Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(endpoint)} +[A-Z, ]+ +{System.Text.RegularExpressions.Regex.Escape(rule)}\s*$", table);
        }
    }

    [Fact]
    public async Task TheViewsLiveInTheAuthAndBlogBlueprints()
    {
        using var flaskr = new FlaskrFixture();
        Assert.Equal(["auth", "blog"], flaskr.App.Blueprints.Keys.Order());
        var seen = new List<string?>();
        flaskr.App.AfterRequest(r =>
        {
            seen.Add(Flagon.Globals.Request.Blueprint);
            return r;
        });
        await flaskr.Client.GetAsync("/auth/login");
        await flaskr.Client.GetAsync("/");
        await flaskr.Client.GetAsync("/hello");
        Assert.Equal(["auth", "blog", null], seen);
    }

    [Fact]
    public async Task TheStylesheetIsServed()
    {
        using var flaskr = new FlaskrFixture();
        var response = await flaskr.Client.GetAsync("/static/style.css");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/css", response.MimeType);
        Assert.Contains(".flash", response.Text, StringComparison.Ordinal);
    }
}
