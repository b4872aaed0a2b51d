using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>BeforeRequest, AfterRequest, TeardownRequest, TeardownAppContext, UrlValuePreprocessor: order and semantics as Flask's.</summary>
public class HooksTests
{
    [Fact]
    public async Task HooksRunInFlasksOrder()
    {
        var trace = new List<string>();
        var app = TestApps.New();
        app.UrlValuePreprocessor((endpoint, values) => trace.Add($"preprocess {endpoint}"));
        app.BeforeRequest(() => trace.Add("before 1"));
        app.BeforeRequestAsync(async () =>
        {
            await Task.Yield();
            trace.Add("before 2");
        });
        app.AfterRequest(r =>
        {
            trace.Add("after 1");
            return r;
        });
        app.AfterRequestAsync(async r =>
        {
            await Task.Yield();
            trace.Add("after 2");
            return r;
        });
        app.TeardownRequest(e => trace.Add($"teardown request 1 {e?.GetType().Name}"));
        app.TeardownRequest(e => trace.Add($"teardown request 2 {e?.GetType().Name}"));
        app.TeardownAppContext(e => trace.Add($"teardown app {e?.GetType().Name}"));
        app.Get("/", () =>
        {
            trace.Add("view");
            return "ok";
        }, endpoint: "index");
        using var client = app.TestClient();
        await client.GetAsync("/");
        Assert.Equal(["preprocess index", "before 1", "before 2", "view", "after 2", "after 1", "teardown request 2 ", "teardown request 1 ", "teardown app "], trace);
    }

    [Fact]
    public async Task ANonNullBeforeRequestResultShortCircuits()
    {
        var viewRan = false;
        var app = TestApps.New();
        app.BeforeRequest(() => Request.Args.Get("block") is not null ? ("blocked", 403) : null);
        app.AfterRequest(r =>
        {
            r.Headers["X-After"] = "ran";
            return r;
        });
        app.Get("/", () =>
        {
            viewRan = true;
            return "view";
        }, endpoint: "i");
        using var client = app.TestClient();
        var blocked = await client.GetAsync("/?block=1");
        Assert.Equal(403, blocked.StatusCode);
        Assert.Equal("blocked", blocked.Text);
        Assert.Equal("ran", blocked.Header("X-After"));
        Assert.False(viewRan);
        Assert.Equal("view", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task BeforeRequestRunsEvenFor404AndTheRoutingErrorComesAfter()
    {
        var trace = new List<string>();
        var app = TestApps.New();
        app.UrlValuePreprocessor((endpoint, values) => trace.Add($"pre {endpoint ?? "null"} {values is null}"));
        app.BeforeRequest(() => trace.Add("before"));
        app.AfterRequest(r =>
        {
            trace.Add($"after {r.StatusCode}");
            return r;
        });
        using var client = app.TestClient();
        var response = await client.GetAsync("/nothing-here");
        Assert.Equal(404, response.StatusCode);
        Assert.Equal(["pre null True", "before", "after 404"], trace);
    }

    [Fact]
    public async Task BeforeRequestCanAnswerA404Path()
    {
        var app = TestApps.New();
        app.BeforeRequest(() => Request.Path == "/virtual" ? "virtual page" : null);
        using var client = app.TestClient();
        Assert.Equal("virtual page", (await client.GetAsync("/virtual")).Text);
    }

    [Fact]
    public async Task TeardownsAlwaysRunAndGetTheUnhandledException()
    {
        Exception? requestError = null;
        Exception? appError = null;
        var app = TestApps.New();
        app.TeardownRequest(e => requestError = e);
        app.TeardownAppContext(e => appError = e);
        app.Get("/boom", string () => throw new FormatException("boom"), endpoint: "boom");
        app.Get("/handled", () => Abort(404), endpoint: "handled");
        using var client = app.TestClient();
        Assert.Equal(500, (await client.GetAsync("/boom")).StatusCode);
        Assert.IsType<FormatException>(requestError);
        Assert.IsType<FormatException>(appError);
        Assert.Equal(404, (await client.GetAsync("/handled")).StatusCode);
        Assert.Null(requestError);
        Assert.Null(appError);
    }

    [Fact]
    public async Task AllTeardownsRunEvenWhenOneFails()
    {
        var ran = new List<int>();
        var app = TestApps.New();
        app.TeardownRequest(e => ran.Add(1));
        app.TeardownRequest(e => throw new InvalidOperationException("teardown failed"));
        app.TeardownRequest(e => ran.Add(3));
        app.Get("/", () => "ok", endpoint: "i");
        using var client = app.TestClient();
        Assert.Equal("ok", (await client.GetAsync("/")).Text);
        Assert.Equal([3, 1], ran);
    }

    [Fact]
    public async Task UrlValuePreprocessorsCanChangeViewArgs()
    {
        var app = TestApps.New();
        app.UrlValuePreprocessor((endpoint, values) =>
        {
            if (values is not null && values.Remove("lang", out var lang))
            {
                G["lang"] = lang;
            }
        });
        app.Get("/<lang>/page", () => $"page in {G["lang"]}", endpoint: "page");
        using var client = app.TestClient();
        Assert.Equal("page in fr", (await client.GetAsync("/fr/page")).Text);
    }

    [Fact]
    public async Task AfterRequestCanReplaceTheResponse()
    {
        var app = TestApps.New();
        app.AfterRequest(r => r.StatusCode == 404 ? new Response("replaced", 410) : r);
        using var client = app.TestClient();
        var response = await client.GetAsync("/missing");
        Assert.Equal(410, response.StatusCode);
        Assert.Equal("replaced", response.Text);
    }
}
