using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>Per-blueprint URL value preprocessors and URL defaults: Flask's <c>&lt;lang_code&gt;</c> pattern.</summary>
public class BlueprintUrlProcessorTests
{
    [Fact]
    public async Task TheLanguageCodeIsPulledFromAndPutBackIntoUrls()
    {
        var bp = new Blueprint("frontend", urlPrefix: "/<lang_code>");
        bp.UrlDefaults((endpoint, values) =>
        {
            if (G.Get("lang_code") is { } code)
            {
                values.TryAdd("lang_code", code);
            }
        });
        bp.UrlValuePreprocessor((endpoint, values) =>
        {
            G["lang_code"] = values?["lang_code"];
            values?.Remove("lang_code");
        });
        bp.Get("/", () => $"index {G.Get("lang_code")} {UrlFor(".about")}", endpoint: "index");
        bp.Get("/about", () => "about", endpoint: "about");
        var app = TestApps.New();
        app.Get("/", () => $"{UrlFor("frontend.about", new { lang_code = "fr" })} {G.Get("lang_code") ?? "none"}", endpoint: "index");
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("index de /de/about", (await client.GetAsync("/de/")).Text);
        Assert.Equal("/fr/about none", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task AppWideProcessorsFromABlueprintSeeEveryRequest()
    {
        var seen = new List<string?>();
        var bp = new Blueprint("tracking");
        bp.AppUrlValuePreprocessor((endpoint, values) => seen.Add(endpoint));
        bp.AppUrlDefaults((endpoint, values) => values.TryAdd("ref", "x"));
        var app = TestApps.New();
        app.Get("/", () => UrlFor("page", new { id = 2 }), endpoint: "index");
        app.Get("/page/<int:id>", (int id) => "page", endpoint: "page");
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("/page/2?ref=x", (await client.GetAsync("/")).Text);
        Assert.Equal(["index"], seen);
    }

    [Fact]
    public void UrlDefaultsOfABlueprintApplyOutsideRequestsByEndpoint()
    {
        var bp = new Blueprint("docs", urlPrefix: "/docs");
        bp.UrlDefaults((endpoint, values) => values.TryAdd("version", "latest"));
        bp.Get("/<version>/", (string version) => version, endpoint: "index");
        var app = TestApps.New();
        app.Config["SERVER_NAME"] = "example.com";
        app.RegisterBlueprint(bp);
        using (app.AppContext())
        {
            Assert.Equal("http://example.com/docs/latest/", UrlFor("docs.index"));
        }
    }
}
