using System.Runtime.CompilerServices;
using Flagon.Testing;
using Microsoft.AspNetCore.Http;

namespace Flagon.Tests;

/// <summary>Flask's return-value conversions, compared with Flask 2.2 where it answers the same question.</summary>
public class MakeResponseTests
{
    private static FlagonApp BuildApp()
    {
        var app = TestApps.New();
        app.Get("/tuple-status", () => ("created", 201), endpoint: "tuple_status");
        app.Get("/tuple-status-string", () => ("gone", "410 GONE"), endpoint: "tuple_status_string");
        app.Get("/tuple-headers", () => ("with headers", new Dictionary<string, string> { ["X-Test"] = "1", ["Content-Type"] = "text/plain" }), endpoint: "tuple_headers");
        app.Get("/tuple-all", () => (new Dictionary<string, object?> { ["ok"] = true }, 202, new Dictionary<string, string> { ["X-A"] = "a" }), endpoint: "tuple_all");
        app.Get("/dict", () => new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 }, endpoint: "dict");
        app.Get("/list", () => new List<object?> { 1, "two", null }, endpoint: "list");
        app.Get("/redirect", () => Globals.Redirect("/target?a=1&b=<2>"), endpoint: "redirect");
        app.Get("/redirect-301", () => Globals.Redirect("https://example.com/é", 301), endpoint: "redirect_301");
        return app;
    }

    public static IEnumerable<object[]> Cases() => FlaskFixture.Get("make_response").EnumerateObject().Select(p => new object[] { p.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MatchesFlask(string path)
    {
        var expected = FlaskFixture.Get("make_response").GetProperty(path);
        using var client = BuildApp().TestClient();
        var response = await client.GetAsync(path);
        Assert.Equal(expected.GetProperty("status").GetInt32(), response.StatusCode);
        Assert.Equal(expected.GetProperty("status_line").GetString(), response.Status);
        Assert.Equal(expected.GetProperty("body").GetString(), response.Text);
        foreach (var header in expected.GetProperty("headers").EnumerateObject())
        {
            Assert.Equal(header.Value.GetString(), response.Header(header.Name));
        }
    }

    public sealed record Person(string Name, int Age);

    [Fact]
    public async Task PlainObjectsBecomeJson()
    {
        var app = TestApps.New();
        app.Get("/p", () => new Person("Ann", 30), endpoint: "p");
        app.Get("/anon", () => new { zeta = 1, alpha = "é" }, endpoint: "anon");
        using var client = app.TestClient();
        Assert.Equal("{\"age\":30,\"name\":\"Ann\"}\n", (await client.GetAsync("/p")).Text);
        var anon = await client.GetAsync("/anon");
        Assert.Equal("{\"alpha\":\"\\u00e9\",\"zeta\":1}\n", anon.Text);
        Assert.Equal("application/json", anon.ContentType);
    }

    [Fact]
    public async Task StringIsHtmlAndBytesAreBody()
    {
        var app = TestApps.New();
        app.Get("/s", () => "<b>hi</b>", endpoint: "s");
        app.Get("/b", () => new byte[] { 1, 2, 3 }, endpoint: "b");
        using var client = app.TestClient();
        var s = await client.GetAsync("/s");
        Assert.Equal("text/html; charset=utf-8", s.ContentType);
        Assert.Equal(200, s.StatusCode);
        Assert.Equal(new byte[] { 1, 2, 3 }, (await client.GetAsync("/b")).Data);
    }

    [Fact]
    public async Task ResponseObjectsAndAspNetResultsPassThrough()
    {
        var app = TestApps.New();
        app.Get("/resp", () => new Response("teapot", 418, mimeType: "text/plain"), endpoint: "resp");
        app.Get("/iresult", () => Results.Text("from IResult", "text/x-custom", statusCode: 203), endpoint: "iresult");
        app.AfterRequest(r =>
        {
            r.Headers["X-After"] = "yes";
            return r;
        });
        using var client = app.TestClient();
        var resp = await client.GetAsync("/resp");
        Assert.Equal(418, resp.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", resp.ContentType);
        var result = await client.GetAsync("/iresult");
        Assert.Equal(203, result.StatusCode);
        Assert.Equal("from IResult", result.Text);
        Assert.StartsWith("text/x-custom", result.ContentType, StringComparison.Ordinal);
        Assert.Equal("yes", result.Header("X-After"));
    }

    private static async IAsyncEnumerable<string> Chunks([EnumeratorCancellation] CancellationToken token = default)
    {
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(1, token);
            yield return $"chunk{i};";
        }
    }

    [Fact]
    public async Task AsyncEnumerablesStream()
    {
        var app = TestApps.New();
        app.Get("/stream", () => Chunks(), endpoint: "stream");
        using var client = app.TestClient();
        var response = await client.GetAsync("/stream");
        Assert.Equal("chunk0;chunk1;chunk2;", response.Text);
        Assert.Null(response.Header("Content-Length"));
    }

    [Fact]
    public async Task NullAndNumbersAreFlasksClearErrors()
    {
        var app = TestApps.New();
        app.Get("/null", () => (string?)null, endpoint: "null_view");
        app.Get("/int", () => 5, endpoint: "int_view");
        app.Get("/void", () => { }, endpoint: "void_view");
        using var client = app.TestClient();
        Assert.Equal(500, (await client.GetAsync("/null")).StatusCode);
        Assert.Equal(500, (await client.GetAsync("/int")).StatusCode);
        Assert.Equal(500, (await client.GetAsync("/void")).StatusCode);

        app.Testing = true;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/int"));
        Assert.Contains("but it was a Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextBodiesAreUtf8WithTheirByteLength()
    {
        var app = TestApps.New();
        app.Get("/text", () => "h\u00e9llo \u2713 \U0001F600", endpoint: "text");
        app.Get("/lone", () => "a\ud800b", endpoint: "lone");
        app.Get("/data", () => new Response("caf\u00e9").Data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), endpoint: "data");
        using var client = app.TestClient();

        var text = await client.GetAsync("/text");
        Assert.Equal([0x68, 0xC3, 0xA9, 0x6C, 0x6C, 0x6F, 0x20, 0xE2, 0x9C, 0x93, 0x20, 0xF0, 0x9F, 0x98, 0x80], text.Data);
        Assert.Equal("15", text.Header("Content-Length"));
        Assert.Equal("text/html; charset=utf-8", text.ContentType);

        // A lone surrogate is written as U+FFFD, and Content-Length counts those bytes.
        var lone = await client.GetAsync("/lone");
        Assert.Equal([0x61, 0xEF, 0xBF, 0xBD, 0x62], lone.Data);
        Assert.Equal("5", lone.Header("Content-Length"));

        var head = await client.HeadAsync("/text");
        Assert.Empty(head.Data);
        Assert.Equal("15", head.Header("Content-Length"));

        Assert.Equal("5", (await client.GetAsync("/data")).Text);
    }

    [Fact]
    public async Task ResponseStaysMutableUntilAfterRequestHooksRan()
    {
        var app = TestApps.New();
        app.Get("/", () => "body", endpoint: "i");
        app.AfterRequest(r =>
        {
            r.SetData(r.Text.ToUpperInvariant());
            r.StatusCode = 202;
            return r;
        });
        using var client = app.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal("BODY", response.Text);
        Assert.Equal(202, response.StatusCode);
        Assert.Equal("4", response.Header("Content-Length"));
    }

    [Fact]
    public async Task MakeResponseHelperBuildsMutableResponses()
    {
        var app = TestApps.New();
        app.Get("/", () =>
        {
            var response = Globals.MakeResponse("made", 201, new Dictionary<string, string> { ["X-Made"] = "1" });
            response.Headers["X-Extra"] = "2";
            return response;
        }, endpoint: "i");
        using var client = app.TestClient();
        var r = await client.GetAsync("/");
        Assert.Equal(201, r.StatusCode);
        Assert.Equal("1", r.Header("X-Made"));
        Assert.Equal("2", r.Header("X-Extra"));
    }
}
