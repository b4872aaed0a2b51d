using Flagon.Testing;
using Microsoft.AspNetCore.Http;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>Request, G, CurrentApp and Session: async-local, per request, and clear errors outside a context.</summary>
public class ContextLocalsTests
{
    [Fact]
    public void OutsideAnyContextTheErrorsAreFlasks()
    {
        var request = Assert.Throws<WorkingOutsideOfContextException>(() => Request);
        Assert.StartsWith("Working outside of request context.", request.Message, StringComparison.Ordinal);
        var g = Assert.Throws<WorkingOutsideOfContextException>(() => G);
        Assert.StartsWith("Working outside of application context.", g.Message, StringComparison.Ordinal);
        Assert.Throws<WorkingOutsideOfContextException>(() => CurrentApp);
        Assert.Throws<WorkingOutsideOfContextException>(() => Session);
        Assert.False(HasAppContext);
        Assert.False(HasRequestContext);
    }

    private static DefaultHttpContext NewHttpContext(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARequestLeavesTheCallersContextsAsTheyWere(bool withTeardown)
    {
        var app = TestApps.New();
        var torn = new List<bool>();
        if (withTeardown)
        {
            app.TeardownAppContext(_ => torn.Add(HasRequestContext));
        }

        app.Get("/", () => G.Get<string>("x") ?? "none", endpoint: "index");
        await app.HandleRequestAsync(NewHttpContext("/"));
        Assert.False(HasAppContext);
        Assert.False(HasRequestContext);

        var outer = TestApps.New();
        using (outer.AppContext())
        {
            G["x"] = "outer";
            var context = NewHttpContext("/");
            await app.HandleRequestAsync(context);
            Assert.Equal(200, context.Response.StatusCode);
            Assert.Same(outer, CurrentApp);
            Assert.Equal("outer", G.Get<string>("x"));
            Assert.False(HasRequestContext);
        }

        Assert.Equal(withTeardown ? [false, false] : [], torn);
    }

    [Fact]
    public void AnAppContextCanBePushedOutsideRequests()
    {
        var app = TestApps.New();
        var torn = new List<string>();
        app.TeardownAppContext(e => torn.Add(G.Get<string>("name") ?? "?"));
        using (app.AppContext())
        {
            Assert.Same(app, CurrentApp);
            G["name"] = "ctx";
            Assert.True(HasAppContext);
            Assert.False(HasRequestContext);
            Assert.Throws<WorkingOutsideOfContextException>(() => Request);
        }

        Assert.Equal(["ctx"], torn);
        Assert.False(HasAppContext);
    }

    [Fact]
    public async Task AwaitUsingRestoresTheCallersContext()
    {
        var app = TestApps.New();
        await using (app.AppContext())
        {
            await Task.Yield();
            Assert.Same(app, CurrentApp);
        }

        Assert.False(HasAppContext);
    }

    [Fact]
    public async Task AnAppContextPushedInsideARequestKeepsTheRequest()
    {
        var app = TestApps.New();
        var other = TestApps.New();
        var seen = new List<string>();
        app.Get("/", () =>
        {
            G["who"] = "request";
            using (other.AppContext())
            {
                seen.Add($"{ReferenceEquals(CurrentApp, other)} {Request.Path} {G.Contains("who")}");
            }

            seen.Add($"{ReferenceEquals(CurrentApp, app)} {Request.Path} {G["who"]}");
            return "ok";
        }, endpoint: "index");
        var context = NewHttpContext("/");
        await app.HandleRequestAsync(context);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(["True / False", "True / request"], seen);
        Assert.False(HasAppContext);
        Assert.False(HasRequestContext);
    }

    [Fact]
    public async Task AppContextPushedReceiversRunBeforeTheRequestContextIsPushed()
    {
        // Flask pushes the app context first: its receivers see the app, not yet the request.
        var app = TestApps.New();
        var seen = new List<string>();
        using var pushed = Flagon.Signals.FlagonSignals.AppContextPushed.Connect((_, _) => seen.Add($"pushed {HasAppContext} {HasRequestContext}"), app);
        app.Get("/", () =>
        {
            seen.Add($"handler {HasAppContext} {HasRequestContext}");
            return "ok";
        }, endpoint: "index");
        await app.HandleRequestAsync(NewHttpContext("/"));
        Assert.Equal(["pushed True False", "handler True True"], seen);
    }

    [Fact]
    public void NestedAppContextsRestoreTheOuterOne()
    {
        var outer = TestApps.New();
        var inner = TestApps.New();
        using (outer.AppContext())
        {
            G["level"] = "outer";
            using (inner.AppContext())
            {
                Assert.Same(inner, CurrentApp);
                Assert.False(G.Contains("level"));
            }

            Assert.Same(outer, CurrentApp);
            Assert.Equal("outer", G["level"]);
        }
    }

    [Fact]
    public async Task GLivesForOneRequest()
    {
        var app = TestApps.New();
        app.BeforeRequest(() =>
        {
            G["user"] = Request.Args.Get("u");
        });
        app.Get("/", async () =>
        {
            await Task.Delay(1);
            return $"{G["user"]}|{G.Contains("leak")}|{CurrentApp.Name == app.Name}";
        }, endpoint: "i");
        app.AfterRequest(r =>
        {
            G["leak"] = true;
            return r;
        });
        using var client = app.TestClient();
        Assert.Equal("ann|False|True", (await client.GetAsync("/?u=ann")).Text);
        Assert.Equal("bob|False|True", (await client.GetAsync("/?u=bob")).Text);
    }

    [Fact]
    public async Task SessionIsANullSessionUntilConfigured()
    {
        var app = TestApps.New(testing: true);
        app.Get("/", () => $"{Session.Count}|{Session.Get("x") ?? "none"}", endpoint: "i");
        app.Get("/write", () =>
        {
            Session["x"] = 1;
            return "written";
        }, endpoint: "write");
        using var client = app.TestClient();
        Assert.Equal("0|none", (await client.GetAsync("/")).Text);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/write"));
        Assert.StartsWith("The session is unavailable because no secret key was set.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GBehavesLikeFlasksG()
    {
        var g = new AppGlobals();
        Assert.Equal("d", g.SetDefault("a", "d"));
        Assert.Equal("d", g.SetDefault("a", "other"));
        Assert.True(g.Contains("a"));
        Assert.Equal("d", g.Pop("a"));
        Assert.Null(g.Pop("a"));
        Assert.Throws<KeyNotFoundException>(() => g["a"]);
        g.Set("n", 5);
        Assert.Equal(5, g.Get<int>("n"));
        Assert.Single(g);
    }
}
