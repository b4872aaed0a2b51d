using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>Blueprints on subdomains: routes match on the Host in front of <c>SERVER_NAME</c>, URLs to them are absolute.</summary>
public class BlueprintSubdomainTests
{
    [Fact]
    public async Task ASubdomainBlueprintMatchesOnlyOnItsHost()
    {
        var api = new Blueprint("api", subdomain: "api");
        api.Get("/", () => $"api {UrlFor("index")} {UrlFor(".index")}", endpoint: "index");
        var app = TestApps.New();
        app.Config["SERVER_NAME"] = "example.com";
        app.Get("/", () => $"site {UrlFor("api.index")}", endpoint: "index");
        app.RegisterBlueprint(api);
        using var client = app.TestClient();
        Assert.Equal("site http://api.example.com/", (await client.GetAsync("http://example.com/")).Text);
        Assert.Equal("api http://example.com/ /", (await client.GetAsync("http://api.example.com/")).Text);
        Assert.Equal(404, (await client.GetAsync("http://www.example.com/")).StatusCode);
    }

    [Fact]
    public async Task ASubdomainVariableIsAViewArgument()
    {
        var users = new Blueprint("users", subdomain: "<user>");
        users.Get("/", (string user) => $"home of {user} {UrlFor(".index", new { user = "ann" })}", endpoint: "index");
        var app = TestApps.New();
        app.Config["SERVER_NAME"] = "example.com:8080";
        app.RegisterBlueprint(users);
        using var client = app.TestClient();
        Assert.Equal("home of bob http://ann.example.com:8080/", (await client.GetAsync("http://bob.example.com:8080/")).Text);
    }

    [Fact]
    public async Task TheRegistrationSubdomainOverridesTheBlueprints()
    {
        var bp = new Blueprint("docs", subdomain: "docs");
        bp.Get("/", () => "docs", endpoint: "index");
        var app = TestApps.New();
        app.Config["SERVER_NAME"] = "example.com";
        app.RegisterBlueprint(bp, subdomain: "help");
        using var client = app.TestClient();
        Assert.Equal("docs", (await client.GetAsync("http://help.example.com/")).Text);
        Assert.Equal(404, (await client.GetAsync("http://docs.example.com/")).StatusCode);
    }
}
