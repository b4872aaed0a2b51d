using Flagon.Testing;
using Flagon.Views;
using static Flagon.Globals;

namespace Flagon.Tests.Views;

/// <summary>Flask's <c>View</c>: DispatchRequest, constructor arguments, an instance per request (or one shared), decorators, methods.</summary>
public class ViewTests
{
    [Fact]
    public async Task EachRequestGetsANewInstanceWithTheConstructorArguments()
    {
        var counter = new Counter();
        var app = TestApps.New();
        app.AddUrlRule("/hi/<name>", view: View.AsView<Greeting>("hi", "hello", counter));
        using var client = app.TestClient();
        Assert.Equal("hello bob 1", (await client.GetAsync("/hi/bob")).Text);
        Assert.Equal("hello ann 2", (await client.GetAsync("/hi/ann")).Text);
        Assert.Equal(2, counter.Count);
        Assert.Contains("hi", app.ViewFunctions.Keys);
    }

    [Fact]
    public async Task InitEveryRequestFalseSharesOneInstance()
    {
        var counter = new Counter();
        var app = TestApps.New();
        app.AddUrlRule("/hi/<name>", view: View.AsView<SharedGreeting>("hi", "hey", counter));
        using var client = app.TestClient();
        Assert.Equal("hey bob 1", (await client.GetAsync("/hi/bob")).Text);
        Assert.Equal("hey ann 1", (await client.GetAsync("/hi/ann")).Text);
    }

    [Fact]
    public async Task DecoratorsWrapTheViewLastOneOutermost()
    {
        var trace = new List<string>();
        var app = TestApps.New();
        app.AddUrlRule("/secret", view: View.AsView<Decorated>("secret", trace));
        using var client = app.TestClient();
        Assert.Equal("secret", (await client.GetAsync("/secret?user=ann")).Text);
        Assert.Equal(["second", "first", "view"], trace);
        trace.Clear();
        var denied = await client.GetAsync("/secret");
        Assert.Equal(401, denied.StatusCode);
        Assert.Equal(["second"], trace);
    }

    [Fact]
    public async Task MethodsAndAutomaticOptionsComeFromTheClass()
    {
        var app = TestApps.New();
        app.AddUrlRule("/form", view: View.AsView<FormView>("form"));
        app.AddUrlRule("/quiet", view: View.AsView<NoOptionsView>("quiet"));
        using var client = app.TestClient();
        Assert.Equal("GET", (await client.GetAsync("/form")).Text);
        Assert.Equal("POST", (await client.PostAsync("/form")).Text);
        Assert.Equal(405, (await client.DeleteAsync("/form")).StatusCode);
        var options = await client.OptionsAsync("/form");
        Assert.Equal(["GET", "HEAD", "OPTIONS", "POST", "PUT"], options.Header("Allow")!.Split(", ").Order(StringComparer.Ordinal));
        Assert.Equal(405, (await client.OptionsAsync("/quiet")).StatusCode);
    }

    [Fact]
    public async Task TheRulesMethodsOverrideTheClasses()
    {
        var app = TestApps.New();
        app.AddUrlRule("/form", view: View.AsView<FormView>("form"), methods: ["PATCH"]);
        using var client = app.TestClient();
        Assert.Equal("PATCH", (await client.PatchAsync("/form")).Text);
        Assert.Equal(405, (await client.GetAsync("/form")).StatusCode);
    }

    [Fact]
    public async Task AsyncViewsAndBlueprintRegistration()
    {
        var bp = new Blueprint("admin", urlPrefix: "/admin");
        var view = View.AsView<AsyncView>("page");
        bp.AddUrlRule("/", view, defaults: new { page = "index" });
        bp.AddUrlRule("/<page>", view);
        var app = TestApps.New();
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        Assert.Equal("admin.page index /admin/about", (await client.GetAsync("/admin/")).Text);
        Assert.Equal("admin.page about /admin/about", (await client.GetAsync("/admin/about")).Text);
    }

    [Fact]
    public async Task AViewThatOverridesNothingIsAClearError()
    {
        var app = TestApps.New(testing: true);
        app.AddUrlRule("/", view: View.AsView<EmptyView>("empty"));
        using var client = app.TestClient();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/"));
        Assert.Contains("must override DispatchRequest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadAsViewArgumentsAreClearErrors()
    {
        Assert.Throws<ArgumentException>(() => View.AsView<Greeting>("hi", "only one"));
        Assert.Throws<ArgumentException>(() => View.AsView(typeof(string), "x"));
        Assert.Throws<ArgumentException>(() => View.AsView<FormView>(string.Empty));
    }

    public sealed class Counter
    {
        public int Count { get; set; }
    }

    public sealed class Greeting : View
    {
        private readonly string _greeting;
        private readonly Counter _counter;

        public Greeting(string greeting, Counter counter)
        {
            _greeting = greeting;
            _counter = counter;
            counter.Count++;
        }

        public override object? DispatchRequest(IDictionary<string, object?> viewArgs) => $"{_greeting} {viewArgs["name"]} {_counter.Count}";
    }

    public sealed class SharedGreeting(string greeting, Counter counter) : View
    {
        private readonly int _number = ++counter.Count;

        public override bool InitEveryRequest => false;

        public override object? DispatchRequest(IDictionary<string, object?> viewArgs) => $"{greeting} {viewArgs["name"]} {_number}";
    }

    public sealed class Decorated(List<string> trace) : View
    {
        public override IReadOnlyList<Func<ViewHandler, ViewHandler>> Decorators =>
        [
            next => args =>
            {
                trace.Add("first");
                return next(args);
            },
            next => args =>
            {
                trace.Add("second");
                return Request.Args.Get("user") is null ? ValueTask.FromResult<object?>(("login required", 401)) : next(args);
            },
        ];

        public override object? DispatchRequest(IDictionary<string, object?> viewArgs)
        {
            trace.Add("view");
            return "secret";
        }
    }

    public sealed class FormView : View
    {
        public override IReadOnlyCollection<string>? Methods => ["GET", "POST", "PUT"];

        public override object? DispatchRequest(IDictionary<string, object?> viewArgs) => Request.Method;
    }

    public sealed class NoOptionsView : View
    {
        public override bool? ProvideAutomaticOptions => false;

        public override object? DispatchRequest(IDictionary<string, object?> viewArgs) => "quiet";
    }

    public sealed class AsyncView : View
    {
        public override async ValueTask<object?> DispatchRequestAsync(IDictionary<string, object?> viewArgs)
        {
            await Task.Yield();
            return $"{Request.Endpoint} {viewArgs["page"]} {UrlFor(".page", new { page = "about" })}";
        }
    }

    public sealed class EmptyView : View
    {
    }
}
