using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>Blueprint-scoped and app-wide hooks, in Flask's order across nested blueprints (compared with recorded Flask 2.2 traces).</summary>
public class BlueprintHooksTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/p/")]
    [InlineData("/p/c/")]
    [InlineData("/nothing")]
    public async Task HooksOfNestedBlueprintsRunInFlasksOrder(string path)
    {
        var trace = new List<string>();
        var app = TestApps.New();
        var parent = new Blueprint("parent", urlPrefix: "/p");
        var child = new Blueprint("child", urlPrefix: "/c");
        AddHooks("app", trace, f => app.UrlValuePreprocessor(f), f => app.BeforeRequest(f), f => app.AfterRequest(f), f => app.TeardownRequest(f), f => app.ContextProcessor(f));
        foreach (var (scope, bp) in new[] { ("parent", parent), ("child", child) })
        {
            AddHooks(scope, trace, f => bp.UrlValuePreprocessor(f), f => bp.BeforeRequest(f), f => bp.AfterRequest(f), f => bp.TeardownRequest(f), f => bp.ContextProcessor(f));
        }

        child.BeforeAppRequest(() => trace.Add("child before_app_request"));
        child.AfterAppRequest(r =>
        {
            trace.Add("child after_app_request");
            return r;
        });
        child.TeardownAppRequest(e => trace.Add("child teardown_app_request"));

        string Page()
        {
            trace.Add("view");
            return RenderTemplateString("{{ who }}|{{ app }}|{{ parent }}|{{ child }}|" + (Request.Blueprint ?? "None") + "|" + string.Join(",", Request.Blueprints));
        }

        app.Get("/", Page, endpoint: "index");
        parent.Get("/", Page, endpoint: "index");
        child.Get("/", Page, endpoint: "index");
        parent.RegisterBlueprint(child);
        app.RegisterBlueprint(parent);

        using var client = app.TestClient();
        var response = await client.GetAsync(path);
        var expected = BlueprintFixture.Get("hooks").GetProperty(path);
        Assert.Equal(expected.GetProperty("status").GetInt32(), response.StatusCode);
        if (response.StatusCode == 200)
        {
            Assert.Equal(expected.GetProperty("body").GetString(), response.Text);
        }

        Assert.Equal(BlueprintFixture.Strings(expected.GetProperty("trace")), trace);
    }

    [Fact]
    public async Task ABlueprintsBeforeRequestCanShortCircuitOnlyItsOwnRequests()
    {
        var bp = new Blueprint("admin", urlPrefix: "/admin");
        bp.BeforeRequest(() => Request.Args.Get("token") == "s3cret" ? null : ("forbidden", 403));
        bp.BeforeRequestAsync(async () =>
        {
            await Task.Yield();
            G["checked"] = true;
        });
        bp.AfterRequestAsync(async r =>
        {
            await Task.Yield();
            r.Headers["X-Admin"] = "1";
            return r;
        });
        bp.Get("/", () => $"admin {G.Get("checked")}", endpoint: "index");
        var app = TestApps.New();
        app.Get("/", () => "public", endpoint: "index");
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        var denied = await client.GetAsync("/admin/");
        Assert.Equal(403, denied.StatusCode);
        Assert.Equal("1", denied.Header("X-Admin"));
        Assert.Equal("admin True", (await client.GetAsync("/admin/?token=s3cret")).Text);
        var open = await client.GetAsync("/");
        Assert.Equal("public", open.Text);
        Assert.Null(open.Header("X-Admin"));
    }

    [Fact]
    public async Task TeardownHooksSeeTheErrorAndAllRun()
    {
        var seen = new List<string>();
        var bp = new Blueprint("bp");
        bp.TeardownRequest(e => seen.Add($"bp {e?.Message}"));
        bp.TeardownRequestAsync(async e =>
        {
            await Task.Yield();
            seen.Add("bp async");
        });
        bp.Get("/boom", string () => throw new InvalidOperationException("boom"), endpoint: "boom");
        var app = TestApps.New();
        app.TeardownRequest(e => seen.Add($"app {e?.GetType().Name}"));
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal(500, (await client.GetAsync("/boom")).StatusCode);
        Assert.Equal(["bp async", "bp boom", "app InvalidOperationException"], seen);
    }

    private static void AddHooks(string scope, List<string> trace, Action<Action<string?, IDictionary<string, object?>?>> preprocessor, Action<Action> before, Action<Func<Response, Response>> after, Action<Action<Exception?>> teardown, Action<Func<object?>> contextProcessor)
    {
        preprocessor((e, v) => trace.Add($"{scope} preprocess"));
        before(() => trace.Add($"{scope} before 1"));
        before(() => trace.Add($"{scope} before 2"));
        foreach (var tag in new[] { 1, 2 })
        {
            after(r =>
            {
                trace.Add($"{scope} after {tag}");
                return r;
            });
        }

        teardown(e => trace.Add($"{scope} teardown 1"));
        teardown(e => trace.Add($"{scope} teardown 2"));
        contextProcessor(() => new Dictionary<string, object?> { ["who"] = scope, [scope] = true });
    }
}
