using Flagon.Blueprints;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>Registering blueprints: under several names, Flask's registration errors, and the record/record_once setup hooks.</summary>
public class BlueprintRegistrationTests
{
    private static string FlaskError(string name)
        => BlueprintFixture.Get("registration_errors").GetProperty(name).GetString()!.Replace("ValueError: ", string.Empty, StringComparison.Ordinal).Replace("'name='", "'name:'", StringComparison.Ordinal);

    [Fact]
    public void DotsInNamesAndEndpointsAreRejected()
    {
        Assert.Equal(FlaskError("dot_in_name"), Assert.Throws<ArgumentException>(() => new Blueprint("a.b")).Message.Split(" (Parameter")[0]);
        Assert.Equal(FlaskError("dot_in_endpoint"), Assert.Throws<ArgumentException>(() => new Blueprint("a").AddUrlRule("/", "a.b", () => string.Empty)).Message.Split(" (Parameter")[0]);
        Assert.Throws<ArgumentException>(() => new Blueprint(string.Empty));
        Assert.Throws<ArgumentException>(() => TestApps.New().RegisterBlueprint(new Blueprint("ok"), name: "a.b"));
    }

    [Fact]
    public void TheSameNameTwiceIsAnError()
    {
        var app = TestApps.New();
        var bp = new Blueprint("bp");
        app.RegisterBlueprint(bp);
        Assert.Equal(FlaskError("same_name_twice"), Assert.Throws<ArgumentException>(() => app.RegisterBlueprint(bp)).Message);
        Assert.Equal(FlaskError("different_with_same_name"), Assert.Throws<ArgumentException>(() => app.RegisterBlueprint(new Blueprint("bp"))).Message);
    }

    [Fact]
    public void NestingTheSameChildTwiceFailsWhenTheParentRegisters()
    {
        var parent = new Blueprint("parent");
        var child = new Blueprint("child");
        parent.RegisterBlueprint(child);
        parent.RegisterBlueprint(child);
        Assert.Equal(FlaskError("nested_same_name_twice"), Assert.Throws<ArgumentException>(() => TestApps.New().RegisterBlueprint(parent)).Message);
    }

    [Fact]
    public void ABlueprintCannotBeRegisteredOnItself()
    {
        var bp = new Blueprint("bp");
        Assert.Equal(FlaskError("on_itself"), Assert.Throws<ArgumentException>(() => bp.RegisterBlueprint(bp)).Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public async Task OneBlueprintServesTwoNamesWithTheirOwnHooks()
    {
        Assert.Null(BlueprintFixture.Get("registration_errors").GetProperty("two_names").GetString());
        var bp = new Blueprint("bp");
        bp.BeforeRequest(() =>
        {
            G["seen"] = Request.Blueprint;
        });
        bp.Get("/", () => $"{G.Get("seen")} {UrlFor(".index")}", endpoint: "index");
        var app = TestApps.New();
        app.RegisterBlueprint(bp, urlPrefix: "/one");
        app.RegisterBlueprint(bp, urlPrefix: "/two", name: "other");
        using var client = app.TestClient();
        Assert.Equal("bp /one/", (await client.GetAsync("/one/")).Text);
        Assert.Equal("other /two/", (await client.GetAsync("/two/")).Text);
        Assert.Equal(["bp", "other"], app.Blueprints.Keys);
    }

    [Fact]
    public void RecordRunsForEveryRegistrationAndRecordOnceForTheFirst()
    {
        var states = new List<BlueprintSetupState>();
        var once = 0;
        var bp = new Blueprint("ext", urlPrefix: "/ext", subdomain: "api", urlDefaults: new { v = 1 });
        bp.Record(states.Add);
        bp.RecordOnce(s =>
        {
            once++;
            s.App.Extensions["ext"] = s.FullName;
        });
        var app = TestApps.New();
        app.RegisterBlueprint(bp);
        app.RegisterBlueprint(bp, name: "ext2", urlPrefix: "/two", subdomain: "www", urlDefaults: new { v = 2 });
        Assert.Equal(1, once);
        Assert.Equal("ext", app.Extensions["ext"]);
        Assert.Equal([true, false], states.Select(s => s.FirstRegistration));
        Assert.Equal(["ext", "ext2"], states.Select(s => s.FullName));
        Assert.Equal(["/ext", "/two"], states.Select(s => s.UrlPrefix));
        Assert.Equal(["api", "www"], states.Select(s => s.Subdomain));
        Assert.Equal([1, 2], states.Select(s => (int)s.UrlDefaults["v"]!));
        Assert.All(states, s => Assert.Same(app, s.App));
    }

    [Fact]
    public async Task ExtensionsAddRoutesThroughTheSetupState()
    {
        var bp = new Blueprint("health", urlPrefix: "/health");
        bp.Record(s => s.AddUrlRule("/live", "live", () => $"ok from {s.FullName}"));
        var app = TestApps.New();
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("ok from health", (await client.GetAsync("/health/live")).Text);
        Assert.Contains("health.live", app.ViewFunctions.Keys);
    }

    [Fact]
    public void SetupAfterRegistrationIsAnError()
    {
        var bp = new Blueprint("bp");
        TestApps.New().RegisterBlueprint(bp);
        Assert.Throws<InvalidOperationException>(() => bp.Get("/late", () => "x"));
        Assert.Throws<InvalidOperationException>(() => bp.BeforeRequest(() => { }));
    }

    [Fact]
    public async Task RegisteringAfterTheFirstRequestIsAnError()
    {
        var app = TestApps.New();
        app.Get("/", () => "x", endpoint: "index");
        using var client = app.TestClient();
        await client.GetAsync("/");
        Assert.Throws<InvalidOperationException>(() => app.RegisterBlueprint(new Blueprint("late")));
    }
}
