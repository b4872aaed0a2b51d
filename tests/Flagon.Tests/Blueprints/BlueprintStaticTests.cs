using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>A blueprint's own static folder: served under its URL prefix at <c>static_url_path</c>, endpoint <c>name.static</c>.</summary>
public sealed class BlueprintStaticTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flagon-bp-static-" + Guid.NewGuid().ToString("N"));

    public BlueprintStaticTests()
    {
        Write("static/site.css", "app css");
        Write("admin/static/admin.css", "admin css");
        Write("admin/static/site.css", "admin's site css");
        Write("assets/app.js", "js");
    }

    [Fact]
    public async Task FilesAreServedUnderThePrefix()
    {
        var admin = new Blueprint("admin", urlPrefix: "/admin", staticFolder: "admin/static");
        admin.Get("/", () => $"{UrlFor(".static", new { filename = "admin.css" })}|{UrlFor("static", new { filename = "site.css" })}", endpoint: "index");
        var app = TestApps.New(rootPath: _root);
        app.RegisterBlueprint(admin);
        using var client = app.TestClient();
        var css = await client.GetAsync("/admin/static/admin.css");
        Assert.Equal(200, css.StatusCode);
        Assert.Equal("admin css", css.Text);
        Assert.StartsWith("text/css", css.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("/admin/static/admin.css|/static/site.css", (await client.GetAsync("/admin/")).Text);
        Assert.Equal(404, (await client.GetAsync("/admin/static/missing.css")).StatusCode);
        Assert.Contains("admin.static", app.ViewFunctions.Keys);
    }

    [Fact]
    public async Task StaticUrlPathAndRootPathAreHonoured()
    {
        var bp = new Blueprint("ui", urlPrefix: "/ui", staticFolder: "assets", staticUrlPath: "/files", rootPath: _root);
        var app = TestApps.New(rootPath: Path.Combine(_root, "admin"));
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("js", (await client.GetAsync("/ui/files/app.js")).Text);
        Assert.Equal(404, (await client.GetAsync("/ui/assets/app.js")).StatusCode);
    }

    [Fact]
    public async Task WithoutAPrefixTheAppsStaticRouteWins()
    {
        var bp = new Blueprint("admin", staticFolder: "admin/static");
        var app = TestApps.New(rootPath: _root);
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("app css", (await client.GetAsync("/static/site.css")).Text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
