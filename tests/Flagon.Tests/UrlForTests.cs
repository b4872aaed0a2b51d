using System.Text.Json;
using Flagon.Routing;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>UrlFor inside and outside requests, compared with Flask 2.2's url_for.</summary>
public class UrlForTests
{
    private static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetInt64(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(ToValue).ToList(),
        _ => null,
    };

    public static IEnumerable<object[]> Cases() => FlaskFixture.Get("url_for").EnumerateArray().Select((_, i) => new object[] { i });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MatchesFlaskInsideARequest(int index)
    {
        var expected = FlaskFixture.Get("url_for")[index];
        var values = expected.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value));
        var endpoint = expected.GetProperty("endpoint").GetString()!;
        var app = RouteDispatchTests.BuildRoutingApp();
        app.Get("/probe", () => UrlFor(endpoint, values), endpoint: "probe");
        using var client = app.TestClient();
        var response = await client.GetAsync("/probe");
        Assert.Equal(expected.GetProperty("url").GetString(), response.Text);
    }

    [Fact]
    public async Task EachRequestBuildsWithItsOwnHostAndRoot()
    {
        var app = RouteDispatchTests.BuildRoutingApp();
        app.Get("/probe", () => UrlFor("probe", external: true), endpoint: "probe");
        foreach (var (host, root, scheme) in new[] { ("a.example", "", "http"), ("b.example:8080", "", "http"), ("a.example", "/mount", "http"), ("a.example", "", "https"), ("a.example", "", "http") })
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            context.Request.Method = "GET";
            context.Request.Scheme = scheme;
            context.Request.Host = new Microsoft.AspNetCore.Http.HostString(host);
            context.Request.PathBase = root;
            context.Request.Path = "/probe";
            var body = new MemoryStream();
            context.Response.Body = body;
            await app.HandleRequestAsync(context);
            Assert.Equal($"{scheme}://{host}{root}/probe", System.Text.Encoding.UTF8.GetString(body.ToArray()));
        }
    }

    [Fact]
    public void OutsideARequestUsesServerName()
    {
        var app = RouteDispatchTests.BuildRoutingApp();
        app.Config["SERVER_NAME"] = "example.com";
        app.Config["APPLICATION_ROOT"] = "/app";
        app.Config["PREFERRED_URL_SCHEME"] = "https";
        using (app.AppContext())
        {
            Assert.Equal(FlaskFixture.Get("url_for_app_context").GetString(), UrlFor("user", new { id = 3 }));
        }
    }

    [Fact]
    public void OutsideARequestWithoutServerNameIsAClearError()
    {
        var app = RouteDispatchTests.BuildRoutingApp();
        using (app.AppContext())
        {
            var error = Assert.Throws<InvalidOperationException>(() => UrlFor("index"));
            Assert.StartsWith("Unable to build URLs outside an active request without 'SERVER_NAME' configured.", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SchemeWithoutExternalIsAnError()
    {
        var app = RouteDispatchTests.BuildRoutingApp();
        app.Get("/probe", () => UrlFor("index", scheme: "https", external: false), endpoint: "probe");
        app.Testing = true;
        using var client = app.TestClient();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync("/probe"));
        Assert.Contains("When specifying '_scheme', '_external' must be True.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEndpointRaisesBuildError()
    {
        var app = RouteDispatchTests.BuildRoutingApp();
        app.Get("/probe", () => UrlFor("nope"), endpoint: "probe");
        app.Testing = true;
        using var client = app.TestClient();
        await Assert.ThrowsAsync<BuildError>(() => client.GetAsync("/probe"));
    }

    [Fact]
    public async Task BuildErrorsBecome500WhenNotTesting()
    {
        var app = RouteDispatchTests.BuildRoutingApp();
        app.Get("/probe", () => UrlFor("user"), endpoint: "probe");
        using var client = app.TestClient();
        var response = await client.GetAsync("/probe");
        Assert.Equal(500, response.StatusCode);
    }

    [Fact]
    public async Task UrlDefaultsFillInValues()
    {
        var app = RouteDispatchTests.BuildRoutingApp();
        app.UrlDefaults((endpoint, values) =>
        {
            if (endpoint == "user" && !values.ContainsKey("id"))
            {
                values["id"] = 7;
            }
        });
        app.Get("/probe", () => UrlFor("user"), endpoint: "probe");
        using var client = app.TestClient();
        Assert.Equal("/user/7", (await client.GetAsync("/probe")).Text);
    }

    [Fact]
    public async Task HandleUrlBuildErrorCanRecover()
    {
        var app = new FallbackApp();
        app.Get("/probe", () => UrlFor("missing"), endpoint: "probe");
        using var client = app.TestClient();
        Assert.Equal("/fallback/missing", (await client.GetAsync("/probe")).Text);
    }

    private sealed class FallbackApp : FlagonApp
    {
        public FallbackApp()
            : base(rootPath: System.AppContext.BaseDirectory)
        {
        }

        public override string HandleUrlBuildError(BuildError error, string endpoint, IDictionary<string, object?> values) => "/fallback/" + endpoint;
    }
}
