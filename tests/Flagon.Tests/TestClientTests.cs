using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>The test client: methods, bodies, headers, query, redirects with history, and the cookie jar.</summary>
public class TestClientTests
{
    private static FlagonApp EchoApp()
    {
        var app = TestApps.New();
        app.Route("/echo", () => new Dictionary<string, object?>
        {
            ["method"] = Request.Method,
            ["args"] = Request.Args.ToDictionary(),
            ["form"] = Request.Form.ToDictionary(),
            ["json"] = Request.GetJson(silent: true),
            ["data"] = Request.GetDataAsText(),
            ["type"] = Request.MimeType,
            ["header"] = Request.Headers["X-Custom"].ToString(),
            ["files"] = Request.Files.Keys.ToList(),
        }, ["GET", "POST", "PUT", "PATCH", "DELETE"], endpoint: "echo");
        return app;
    }

    private static Dictionary<string, object?> Echo(TestResponse response) => (Dictionary<string, object?>)response.Json!;

    [Fact]
    public async Task SendsEveryKindOfBody()
    {
        using var client = EchoApp().TestClient();
        var form = Echo(await client.PostAsync("/echo", data: new Dictionary<string, string> { ["a"] = "1" }));
        Assert.Equal("1", ((Dictionary<string, object?>)form["form"]!)["a"]);
        Assert.Equal("application/x-www-form-urlencoded", form["type"]);

        var json = Echo(await client.PutAsync("/echo", json: new { x = new[] { 1, 2 } }));
        Assert.Equal("application/json", json["type"]);
        Assert.Equal(2, ((List<object?>)((Dictionary<string, object?>)json["json"]!)["x"]!).Count);

        var raw = Echo(await client.PatchAsync("/echo", data: "raw text", contentType: "text/plain"));
        Assert.Equal("raw text", raw["data"]);
        Assert.Equal("PATCH", raw["method"]);

        var files = Echo(await client.PostAsync("/echo", files: new Dictionary<string, TestFile> { ["doc"] = new(new byte[] { 1, 2 }, "doc.bin") }, form: new { title = "t" }));
        Assert.Equal(new List<object?> { "doc" }, files["files"]);
        Assert.Equal("t", ((Dictionary<string, object?>)files["form"]!)["title"]);
    }

    [Fact]
    public async Task QueryHeadersAndMethods()
    {
        using var client = EchoApp().TestClient();
        var get = Echo(await client.GetAsync("/echo?x=1", query: new { y = "two words" }, headers: new Dictionary<string, string> { ["X-Custom"] = "hello" }));
        Assert.Equal(new Dictionary<string, object?> { ["x"] = "1", ["y"] = "two words" }, get["args"]);
        Assert.Equal("hello", get["header"]);
        Assert.Equal("DELETE", Echo(await client.DeleteAsync("/echo"))["method"]);
        Assert.Equal("GET", Echo(client.Get("/echo"))["method"]);
        Assert.Equal("PUT", Echo(client.Open("/echo", "PUT"))["method"]);
    }

    [Fact]
    public async Task FollowsRedirectsKeepingHistory()
    {
        var app = TestApps.New();
        app.Get("/a", () => Redirect("/b"), endpoint: "a");
        app.Get("/b", () => Redirect("/c", 301), endpoint: "b");
        app.Get("/c", () => "end", endpoint: "c");
        app.Post("/form", () => Redirect("/c", 303), endpoint: "form");
        app.Post("/keep", () => Redirect("/keep-target", 307), endpoint: "keep");
        app.Post("/keep-target", () => Request.GetDataAsText(), endpoint: "keep_target");
        using var client = app.TestClient();
        var response = await client.GetAsync("/a", followRedirects: true);
        Assert.Equal("end", response.Text);
        Assert.Equal([302, 301], response.History.Select(r => r.StatusCode));
        Assert.Equal("end", (await client.PostAsync("/form", data: "x", followRedirects: true)).Text);
        Assert.Equal("body kept", (await client.PostAsync("/keep", data: "body kept", followRedirects: true)).Text);
        Assert.Equal(302, (await client.GetAsync("/a")).StatusCode);
    }

    [Fact]
    public async Task CookieJarCarriesCookiesAcrossRequests()
    {
        var app = TestApps.New();
        app.Get("/login", () =>
        {
            var r = MakeResponse("logged in");
            r.SetCookie("user", "ann");
            return r;
        }, endpoint: "login");
        app.Get("/whoami", () => Request.Cookies.Get("user") ?? "anonymous", endpoint: "whoami");
        using var client = app.TestClient();
        Assert.Equal("anonymous", (await client.GetAsync("/whoami")).Text);
        await client.GetAsync("/login");
        Assert.Equal("ann", client.GetCookie("user")?.Value);
        Assert.Equal("ann", (await client.GetAsync("/whoami")).Text);

        using var noCookies = app.TestClient(useCookies: false);
        await noCookies.GetAsync("/login");
        Assert.Equal("anonymous", (await noCookies.GetAsync("/whoami")).Text);
        Assert.Equal("manual", (await noCookies.GetAsync("/whoami", headers: new Dictionary<string, string> { ["Cookie"] = "user=manual" })).Text);
    }

    [Fact]
    public async Task ResponsesExposeStatusHeadersTextAndJson()
    {
        var app = TestApps.New();
        app.Get("/", () => (new Dictionary<string, object?> { ["n"] = 1 }, 201, new Dictionary<string, string> { ["X-Thing"] = "t" }), endpoint: "i");
        using var client = app.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("201 CREATED", response.Status);
        Assert.Equal("t", response.Header("x-thing"));
        Assert.Equal("{\"n\":1}\n", response.Text);
        Assert.Equal(1L, ((Dictionary<string, object?>)response.Json!)["n"]);
        Assert.Equal(1, response.GetJson<Dictionary<string, int>>()!["n"]);
    }
}
