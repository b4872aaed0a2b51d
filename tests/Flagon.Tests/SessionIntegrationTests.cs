using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>The session seam in the pipeline: opened before the hooks, saved after the after-request hooks, with flashes.</summary>
public class SessionIntegrationTests
{
    private static FlagonApp SessionApp()
    {
        var app = TestApps.New();
        app.SecretKey = "dev";
        app.Get("/set/<value>", (string value) =>
        {
            Session["value"] = value;
            var response = MakeResponse("set");
            response.SetCookie("other", "1");
            return response;
        }, endpoint: "set");
        app.Get("/get", () => Session.Get("value") as string ?? "empty", endpoint: "get");
        app.Get("/flash", () =>
        {
            Flash("saved");
            Flash("careful", "warning");
            return "flashed";
        }, endpoint: "flash");
        app.Get("/messages", () => string.Join(",", GetFlashedMessages()) + "|" + string.Join(",", GetFlashedMessages(categoryFilter: ["warning"])), endpoint: "messages");
        return app;
    }

    [Fact]
    public async Task SessionsRoundTripThroughTheCookieJar()
    {
        using var client = SessionApp().TestClient();
        Assert.Equal("empty", (await client.GetAsync("/get")).Text);
        var set = await client.GetAsync("/set/hello");
        Assert.Equal(2, set.Headers["Set-Cookie"].Count);
        Assert.Contains(set.Headers["Set-Cookie"], c => c.StartsWith("session=", StringComparison.Ordinal));
        Assert.Contains("Cookie", set.Header("Vary")!, StringComparison.Ordinal);
        Assert.Equal("hello", (await client.GetAsync("/get")).Text);
    }

    [Fact]
    public async Task WithoutACookieOnlyATouchedSessionShowsInTheResponse()
    {
        var app = SessionApp();
        app.Get("/plain", () => "plain", endpoint: "plain");
        using var client = app.TestClient();

        var untouched = await client.GetAsync("/plain");
        Assert.Null(untouched.Header("Vary"));
        Assert.Null(untouched.Header("Set-Cookie"));

        var read = await client.GetAsync("/get");
        Assert.Equal("empty", read.Text);
        Assert.Equal("Cookie", read.Header("Vary"));
        Assert.Null(read.Header("Set-Cookie"));
    }

    [Fact]
    public async Task WithoutASecretKeyTheSessionIsTheNullSession()
    {
        var app = TestApps.New();
        app.Get("/read", () => (Session.IsNull ? "null:" : "real:") + (Session.Get("x") ?? "none"), endpoint: "read");
        app.Get("/write", () =>
        {
            Session["x"] = "1";
            return "written";
        }, endpoint: "write");
        using var client = app.TestClient();
        Assert.Equal("null:none", (await client.GetAsync("/read")).Text);
        Assert.Equal(500, (await client.GetAsync("/write")).StatusCode);
    }

    [Fact]
    public async Task FlashesSurviveExactlyOneRoundTrip()
    {
        using var client = SessionApp().TestClient();
        await client.GetAsync("/flash");
        Assert.Equal("saved,careful|careful", (await client.GetAsync("/messages")).Text);
        Assert.Equal("|", (await client.GetAsync("/messages")).Text);
    }
}
