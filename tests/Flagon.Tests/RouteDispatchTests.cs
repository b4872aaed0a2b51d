using Flagon.Json;
using Flagon.Testing;

namespace Flagon.Tests;

/// <summary>Routing outcomes through the whole pipeline (404, 405 + Allow, 308, HEAD, OPTIONS), compared with Flask 2.2.</summary>
public class RouteDispatchTests
{
    internal static FlagonApp BuildRoutingApp()
    {
        var app = TestApps.New();
        app.Route("/", () => "index", endpoint: "index");
        app.Route("/user/<int:id>", (int id) => $"user {id}", endpoint: "user");
        app.Route("/user/me", () => "me", endpoint: "me");
        app.Route("/user/<name>", (string name) => $"name {name}", endpoint: "user_name");
        app.Route("/items/", () => "items", endpoint: "items");
        app.Route("/leaf", () => "leaf", endpoint: "leaf");
        app.Route("/post/<name>", (string name) => $"post {name}", ["POST", "PUT"], endpoint: "post");
        app.Route("/both", () => "both get", ["GET"], endpoint: "both_get");
        app.Route("/both", () => "both post", ["POST"], endpoint: "both_post");
        app.Route("/f/<float:x>", (double x) => $"float {PythonFloat.Repr(x)}", endpoint: "fl");
        app.Route("/p/<path:rest>", (string rest) => $"path {rest}", endpoint: "path");
        app.Route("/u/<uuid:id>", (Guid id) => $"uuid {id}", endpoint: "uid");
        app.Route("/any/<any(red, blue):color>", (string color) => $"color {color}", endpoint: "color");
        app.Route("/v/<int(min=5):n>", (int n) => $"v {n}", endpoint: "vmin");
        Func<int, string> page = n => $"page {n}";
        app.Route("/page/", page, endpoint: "page", defaults: new { n = 1 });
        app.Route("/page/<int:n>", page, endpoint: "page");
        app.Route("/loose", () => "loose", endpoint: "loose", strictSlashes: false);
        app.Route("/nooptions", () => "nooptions", ["GET"], endpoint: "nooptions", provideAutomaticOptions: false);
        app.Route("/slashy/", () => "slashy", ["GET"], endpoint: "slashy");
        return app;
    }

    public static IEnumerable<object[]> Cases()
        => FlaskFixture.Get("routing").EnumerateArray().Select(c => new object[] { c.GetProperty("method").GetString()!, c.GetProperty("path").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MatchesFlask(string method, string path)
    {
        var expected = FlaskFixture.Get("routing").EnumerateArray().First(c => c.GetProperty("method").GetString() == method && c.GetProperty("path").GetString() == path);
        using var client = BuildRoutingApp().TestClient();
        var response = await client.OpenAsync(path, method);

        Assert.Equal(expected.GetProperty("status").GetInt32(), response.StatusCode);
        Assert.Equal(expected.GetProperty("body").GetString(), response.Text);
        var headers = expected.GetProperty("headers");
        if (headers.TryGetProperty("Location", out var location))
        {
            Assert.Equal(location.GetString(), response.Location);
        }

        if (headers.TryGetProperty("Allow", out var allow))
        {
            var expectedAllow = allow.EnumerateArray().Select(a => a.GetString()!).OrderBy(a => a, StringComparer.Ordinal);
            var actualAllow = (response.Header("Allow") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).OrderBy(a => a, StringComparer.Ordinal);
            Assert.Equal(expectedAllow, actualAllow);
        }
        else
        {
            Assert.Null(response.Header("Allow"));
        }

        if (method != "HEAD")
        {
            Assert.Equal(headers.GetProperty("Content-Type").GetString(), response.ContentType);
        }
    }

    [Fact]
    public async Task HeadKeepsContentLengthWithoutBody()
    {
        var app = TestApps.New();
        app.Get("/", () => "hello world");
        using var client = app.TestClient();
        var response = await client.HeadAsync("/");
        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Data);
        Assert.Equal("11", response.Header("Content-Length"));
    }

    [Fact]
    public async Task ExplicitOptionsMethodCallsTheHandler()
    {
        var app = TestApps.New();
        app.Route("/o", () => "custom options", ["GET", "OPTIONS"], endpoint: "o");
        using var client = app.TestClient();
        var response = await client.OptionsAsync("/o");
        Assert.Equal("custom options", response.Text);
    }

    [Fact]
    public async Task AutomaticOptionsCanBeDisabledByConfig()
    {
        var app = TestApps.New();
        app.Config["PROVIDE_AUTOMATIC_OPTIONS"] = false;
        app.Get("/x", () => "x", endpoint: "x");
        using var client = app.TestClient();
        var response = await client.OptionsAsync("/x");
        Assert.Equal(405, response.StatusCode);
    }
}
