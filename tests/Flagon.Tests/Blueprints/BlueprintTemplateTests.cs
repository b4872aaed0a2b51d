using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>Blueprint template folders (searched after the app's, in registration order), context processors and app-wide filters/tests/globals.</summary>
public sealed class BlueprintTemplateTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flagon-bp-templates-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AppTemplatesWinThenBlueprintsInRegistrationOrder()
    {
        Write("templates/shared.html", "app shared");
        Write("admin/templates/shared.html", "admin shared");
        Write("admin/templates/admin/page.html", "admin page {{ url_for('.index') }}");
        Write("shop/templates/admin/page.html", "shop's copy");
        Write("shop/templates/shop/only.html", "shop only");
        var admin = new Blueprint("admin", urlPrefix: "/admin", templateFolder: "admin/templates");
        admin.Get("/", () => RenderTemplate("admin/page.html"), endpoint: "index");
        admin.Get("/shared", () => RenderTemplate("shared.html"), endpoint: "shared");
        var shop = new Blueprint("shop", templateFolder: Path.Combine(_root, "shop", "templates"));
        shop.Get("/shop", () => RenderTemplate("shop/only.html"), endpoint: "only");
        var app = TestApps.New(rootPath: _root);
        app.RegisterBlueprint(admin);
        app.RegisterBlueprint(shop);
        using var client = app.TestClient();
        Assert.Equal("admin page /admin/", (await client.GetAsync("/admin/")).Text);
        Assert.Equal("app shared", (await client.GetAsync("/admin/shared")).Text);
        Assert.Equal("shop only", (await client.GetAsync("/shop")).Text);
    }

    [Fact]
    public async Task ABlueprintRegisteredAfterTheEnvironmentExistsStillAddsItsFolder()
    {
        Write("late/templates/late.html", "late {{ 1 + 1 }}");
        var app = TestApps.New(rootPath: _root);
        _ = app.JinjaEnvironment;
        var bp = new Blueprint("late", templateFolder: "templates", rootPath: Path.Combine(_root, "late"));
        bp.Get("/late", () => RenderTemplate("late.html"), endpoint: "page");
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("late 2", (await client.GetAsync("/late")).Text);
    }

    [Fact]
    public async Task ContextProcessorsAreScopedOrAppWide()
    {
        var bp = new Blueprint("bp", urlPrefix: "/bp");
        bp.ContextProcessor(() => new { section = "blueprint" });
        bp.AppContextProcessor(() => new Dictionary<string, object?> { ["site"] = "Flagon" });
        const string Source = "{{ site }}|{{ section|default('none') }}";
        bp.Get("/", () => RenderTemplateString(Source), endpoint: "index");
        var app = TestApps.New();
        app.Get("/", () => RenderTemplateString(Source), endpoint: "index");
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("Flagon|blueprint", (await client.GetAsync("/bp/")).Text);
        Assert.Equal("Flagon|none", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task FiltersTestsAndGlobalsRegisterOnTheAppOnce()
    {
        var bp = new Blueprint("text");
        bp.AppTemplateFilter("shout", (string s) => s.ToUpperInvariant() + "!");
        bp.AppTemplateTest("short", (string s) => s.Length < 4);
        bp.AppTemplateGlobal("version", "1.0");
        var app = TestApps.New();
        app.Get("/", () => RenderTemplateString("{{ 'hi'|shout }} {{ 'abc' is short }} {{ 'abcdef' is short }} {{ version }}"), endpoint: "index");
        app.RegisterBlueprint(bp);
        app.RegisterBlueprint(bp, name: "text2");
        using var client = app.TestClient();
        Assert.Equal("HI! True False 1.0", (await client.GetAsync("/")).Text);
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
