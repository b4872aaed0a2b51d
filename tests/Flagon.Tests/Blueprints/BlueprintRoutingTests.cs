using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>Blueprint routes: URL prefixes, endpoint prefixing, relative <c>UrlFor(".x")</c>, <c>Request.Blueprint</c>.</summary>
public class BlueprintRoutingTests
{
    [Fact]
    public async Task RoutesGetThePrefixAndEndpointsTheBlueprintName()
    {
        var bp = new Blueprint("admin", urlPrefix: "/admin");
        bp.Get("/", () => "admin index", endpoint: "index");
        bp.Get("/users/<int:id>", (int id) => $"user {id}", endpoint: "user");
        var app = TestApps.New();
        app.Get("/", () => "home", endpoint: "index");
        app.RegisterBlueprint(bp);

        using var client = app.TestClient();
        Assert.Equal("home", (await client.GetAsync("/")).Text);
        Assert.Equal("admin index", (await client.GetAsync("/admin/")).Text);
        Assert.Equal("user 7", (await client.GetAsync("/admin/users/7")).Text);
        Assert.Equal(308, (await client.GetAsync("/admin")).StatusCode);
        Assert.Contains("admin.index", app.ViewFunctions.Keys);
        Assert.Contains("admin.user", app.ViewFunctions.Keys);
        Assert.Same(bp, app.Blueprints["admin"]);
    }

    [Fact]
    public async Task NamedMethodsGiveTheirNameAndLambdasTheirRule()
    {
        var bp = new Blueprint("shop");
        bp.Get("/cart", Cart);
        bp.Get("/items", () => "list");
        bp.Post("/items", () => "created");
        var app = TestApps.New();
        app.RegisterBlueprint(bp, urlPrefix: "/shop");
        using var client = app.TestClient();
        Assert.Equal("cart", (await client.GetAsync("/shop/cart")).Text);
        Assert.Equal("list", (await client.GetAsync("/shop/items")).Text);
        Assert.Equal("created", (await client.PostAsync("/shop/items")).Text);
        Assert.Contains("shop.Cart", app.ViewFunctions.Keys);
        Assert.Contains("shop./items", app.ViewFunctions.Keys);
        Assert.Contains("shop./items#2", app.ViewFunctions.Keys);

        static string Cart() => "cart";
    }

    [Fact]
    public async Task RelativeEndpointsResolveToTheCurrentBlueprint()
    {
        var bp = new Blueprint("blog", urlPrefix: "/blog");
        bp.Get("/", () => "index", endpoint: "index");
        bp.Get("/post/<slug>", (string slug) => $"{UrlFor(".index")}|{UrlFor(".post", new { slug = "x" })}|{UrlFor("index")}|{UrlFor("blog.index")}", endpoint: "post");
        var app = TestApps.New();
        app.Get("/", () => UrlFor(".index"), endpoint: "index");
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("/blog/|/blog/post/x|/|/blog/", (await client.GetAsync("/blog/post/a")).Text);
        Assert.Equal("/", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task RequestKnowsItsBlueprint()
    {
        var bp = new Blueprint("api");
        bp.Get("/ping", () => $"{Request.Blueprint}|{string.Join(",", Request.Blueprints)}|{Request.Endpoint}", endpoint: "ping");
        var app = TestApps.New();
        app.Get("/", () => $"{Request.Blueprint ?? "none"}|{Request.Blueprints.Count}", endpoint: "index");
        app.RegisterBlueprint(bp, urlPrefix: "/api");
        using var client = app.TestClient();
        Assert.Equal("api|api|api.ping", (await client.GetAsync("/api/ping")).Text);
        Assert.Equal("none|0", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task AnAppLambdaWhoseRuleHasADotIsNotABlueprint()
    {
        var app = TestApps.New();
        app.Get("/files/a.txt", () => $"{Request.Endpoint} {Request.Blueprint ?? "none"} {Request.Blueprints.Count}");
        using var client = app.TestClient();
        Assert.Equal("/files/a.txt none 0", (await client.GetAsync("/files/a.txt")).Text);
    }

    [Fact]
    public async Task RegisterOverridesThePrefixAndMergesUrlDefaults()
    {
        var bp = new Blueprint("pages", urlPrefix: "/ignored", urlDefaults: new { lang = "en" });
        bp.Get("/<page>", (string lang, string page) => $"{lang}:{page}", endpoint: "show");
        bp.Get("/", (string lang, string page) => $"{lang}:{page}", endpoint: "home", defaults: new { page = "home" });
        var app = TestApps.New();
        app.RegisterBlueprint(bp, urlPrefix: "/p", urlDefaults: new { lang = "de" });
        using var client = app.TestClient();
        Assert.Equal("de:about", (await client.GetAsync("/p/about")).Text);
        Assert.Equal("de:home", (await client.GetAsync("/p/")).Text);
        Assert.Equal(404, (await client.GetAsync("/ignored/about")).StatusCode);
    }

    [Fact]
    public async Task ClassesWithRouteAttributesRegisterOnBlueprints()
    {
        var bp = new Blueprint("attr", urlPrefix: "/attr");
        bp.Register<AttributeRoutes>();
        var app = TestApps.New();
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("hello bob|attr.Hello", (await client.GetAsync("/attr/hello/bob")).Text);
    }

    [Fact]
    public void LambdaRulesWithDotsNeedAnEndpoint()
    {
        var bp = new Blueprint("files");
        bp.Get("/robots.txt", () => "x");
        var error = Assert.Throws<ArgumentException>(() => TestApps.New().RegisterBlueprint(bp));
        Assert.Contains("endpoint", error.Message, StringComparison.Ordinal);
    }

    public sealed class AttributeRoutes
    {
        [Route("/hello/<name>")]
        public static string Hello(string name) => $"hello {name}|{Request.Endpoint}";
    }
}
