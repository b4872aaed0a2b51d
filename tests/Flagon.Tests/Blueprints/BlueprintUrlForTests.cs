using System.Text.Json;
using Flagon.Routing;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>
/// URL building across blueprints, compared with Flask 2.2: relative endpoints, nested names, one blueprint
/// registered three times (names, prefixes, a subdomain), <c>url_defaults</c> dictionaries and functions, static routes.
/// </summary>
public class BlueprintUrlForTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var property in BlueprintFixture.Get("urls").EnumerateObject())
        {
            data.Add(property.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task UrlForMatchesFlask(string path)
    {
        var expected = BlueprintFixture.Get("urls").GetProperty(path);
        var app = BuildApp();
        app.BeforeRequest(() =>
        {
            var rows = new Dictionary<string, object?>
            {
                ["blueprint"] = Request.Blueprint,
                ["endpoint"] = Request.Endpoint,
            };
            var urls = new Dictionary<string, string>();
            foreach (var endpoint in expected.GetProperty("urls").EnumerateObject().Select(p => p.Name))
            {
                var values = new Dictionary<string, object?>();
                if (endpoint.Split('.')[^1] == "x")
                {
                    values["n"] = 5;
                }

                if (endpoint.EndsWith("static", StringComparison.Ordinal))
                {
                    values["filename"] = "a.css";
                }

                try
                {
                    urls[endpoint] = UrlFor(endpoint, values);
                }
                catch (BuildError)
                {
                    urls[endpoint] = "error BuildError";
                }
            }

            rows["urls"] = urls;
            return rows;
        });
        using var client = app.TestClient();
        var response = await client.GetAsync("http://example.com" + path);
        using var actual = JsonDocument.Parse(response.Text);
        Assert.Equal(expected.GetProperty("blueprint").ToString(), actual.RootElement.GetProperty("blueprint").ToString());
        Assert.Equal(expected.GetProperty("endpoint").GetString(), actual.RootElement.GetProperty("endpoint").GetString());
        foreach (var url in expected.GetProperty("urls").EnumerateObject())
        {
            Assert.Equal($"{url.Name} {url.Value.GetString()}", $"{url.Name} {actual.RootElement.GetProperty("urls").GetProperty(url.Name).GetString()}");
        }
    }

    [Fact]
    public void RulesMatchFlask()
    {
        var app = BuildApp();
        var rules = app.UrlMap.Rules.Select(r =>
        {
            var defaults = r.Defaults is { Count: > 0 } d ? "{" + string.Join(", ", d.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\": \"{p.Value}\"")) + "}" : string.Empty;
            return $"{r.Pattern} {r.Endpoint} {r.Subdomain} {defaults}".Trim();
        }).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(BlueprintFixture.Strings(BlueprintFixture.Get("rules")), rules);
    }

    [Fact]
    public async Task TheSubdomainRegistrationMatchesOnItsHost()
    {
        var app = BuildApp();
        app.Config["SERVER_NAME"] = "example.com";
        using var client = app.TestClient();
        Assert.Equal("bp3.index en", (await client.GetAsync("http://api.example.com/bp/en/")).Text);
        Assert.Equal("bp.index en", (await client.GetAsync("http://example.com/bp/en/")).Text);
        Assert.Equal(404, (await client.GetAsync("http://other.org/bp/en/")).StatusCode);
    }

    private static FlagonApp BuildApp()
    {
        var app = TestApps.New();
        app.Config["SERVER_NAME"] = "example.com";
        var bp = new Blueprint("bp", urlPrefix: "/bp", urlDefaults: new { lang = "en" }, staticFolder: "static");
        var child = new Blueprint("child");
        bp.AddUrlRule("/<lang>/", "index", (string lang) => $"{Request.Endpoint} {lang}");
        child.AddUrlRule("/x/<int:n>", "x", (int n) => string.Empty);
        bp.RegisterBlueprint(child, urlPrefix: "/kid");
        app.AddUrlRule("/", "index", () => string.Empty);
        bp.UrlDefaults((endpoint, values) => values.TryAdd("page", "1"));
        app.RegisterBlueprint(bp);
        app.RegisterBlueprint(bp, name: "bp2", urlPrefix: "/two", urlDefaults: new { lang = "fr" });
        app.RegisterBlueprint(bp, name: "bp3", subdomain: "api");
        return app;
    }
}
