using Flagon.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Tests;

/// <summary>How handlers are bound: route values by name and type, DI services, request objects; sync and async; the attribute form.</summary>
public class HandlerBindingTests
{
    public interface IGreeter
    {
        string Greet(string name);
    }

    public sealed class Greeter : IGreeter
    {
        public string Greet(string name) => $"hello {name}";
    }

    [Fact]
    public async Task RouteValuesBindByNameAndType()
    {
        var app = TestApps.New();
        app.Get("/add/<int:a>/<int:b>", (int b, int a) => $"{a}+{b}={a + b}", endpoint: "add");
        app.Get("/long/<int:n>", (long n) => (n * 2).ToString(System.Globalization.CultureInfo.InvariantCulture), endpoint: "long");
        using var client = app.TestClient();
        Assert.Equal("2+3=5", (await client.GetAsync("/add/2/3")).Text);
        Assert.Equal("84", (await client.GetAsync("/long/42")).Text);
    }

    [Fact]
    public async Task NumbersOutOfTheParameterTypesRangeAre404()
    {
        var app = TestApps.New(testing: true);
        app.Get("/int/<int:id>", (int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture), endpoint: "int");
        app.Get("/long/<int:id>", (long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture), endpoint: "long");
        app.Get("/byte/<int:id>", (byte? id) => $"{id}", endpoint: "byte");
        using var client = app.TestClient();
        Assert.Equal(404, (await client.GetAsync("/int/3000000000")).StatusCode);
        Assert.Equal(404, (await client.GetAsync("/long/99999999999999999999")).StatusCode);
        Assert.Equal(404, (await client.GetAsync("/byte/256")).StatusCode);
        Assert.Equal("2147483647", (await client.GetAsync("/int/2147483647")).Text);
        Assert.Equal("255", (await client.GetAsync("/byte/255")).Text);
    }

    [Fact]
    public async Task ServicesAndRequestObjectsAreInjected()
    {
        var app = TestApps.New();
        app.Services.AddSingleton<IGreeter, Greeter>();
        app.Get("/greet/<name>", (string name, IGreeter greeter, HttpContext http, FlagonRequest request, CancellationToken token, HttpRequest raw)
            => $"{greeter.Greet(name)} {http.Request.Path} {request.Method} {token.CanBeCanceled} {raw.Method}", endpoint: "greet");
        using var client = app.TestClient();
        Assert.Equal("hello ann /greet/ann GET True GET", (await client.GetAsync("/greet/ann")).Text);
    }

    [Fact]
    public async Task MissingServiceIsA500WithAClearMessage()
    {
        var app = TestApps.New(testing: true);
        app.Get("/x", (IGreeter greeter) => greeter.Greet("x"), endpoint: "x");
        using var client = app.TestClient();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/x"));
        Assert.Contains("No service for type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionalParametersTakeTheirDefault()
    {
        var app = TestApps.New();
        app.Get("/opt", (int page = 3, IGreeter? greeter = null) => $"{page} {greeter is null}", endpoint: "opt");
        using var client = app.TestClient();
        Assert.Equal("3 True", (await client.GetAsync("/opt")).Text);
    }

    [Fact]
    public async Task AsyncHandlersOfEveryShapeWork()
    {
        var app = TestApps.New();
        app.Get("/task-t", async () =>
        {
            await Task.Yield();
            return "task-t";
        }, endpoint: "a");
        app.Get("/valuetask-t", async ValueTask<string> () =>
        {
            await Task.Delay(1);
            return "valuetask-t";
        }, endpoint: "b");
        app.Get("/task-obj", async Task<object> () =>
        {
            await Task.Yield();
            return new Dictionary<string, object?> { ["ok"] = true };
        }, endpoint: "c");
        using var client = app.TestClient();
        Assert.Equal("task-t", (await client.GetAsync("/task-t")).Text);
        Assert.Equal("valuetask-t", (await client.GetAsync("/valuetask-t")).Text);
        Assert.Equal("{\"ok\":true}\n", (await client.GetAsync("/task-obj")).Text);
    }

    [Fact]
    public async Task AsyncHandlerWithoutResultIsFlasksInvalidResponseError()
    {
        var app = TestApps.New(testing: true);
        app.Get("/t", async () => await Task.Yield(), endpoint: "t");
        using var client = app.TestClient();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/t"));
        Assert.Equal("The view function for 't' did not return a valid response. The function either returned None or ended without a return statement.", error.Message);
    }

    private static string Index() => "index page";

    [Fact]
    public async Task EndpointDefaultsToTheMethodName()
    {
        var app = TestApps.New();
        app.Get("/", Index);
        string LocalView() => "local";
        app.Get("/local", LocalView);
        app.Get("/lambda", () => "lambda");
        using var client = app.TestClient();
        Assert.Contains("Index", app.ViewFunctions.Keys);
        Assert.Contains("LocalView", app.ViewFunctions.Keys);
        Assert.Contains("/lambda", app.ViewFunctions.Keys);
        Assert.Equal("local", (await client.GetAsync("/local")).Text);
    }

    [Fact]
    public void OverwritingAnEndpointWithAnotherFunctionIsAnError()
    {
        var app = TestApps.New();
        app.Get("/a", () => "a", endpoint: "same");
        var error = Assert.Throws<InvalidOperationException>(() => app.Get("/b", () => "b", endpoint: "same"));
        Assert.Equal("View function mapping is overwriting an existing endpoint function: same", error.Message);
    }

    [Fact]
    public async Task LambdasOnTheSameRuleGetDistinctEndpoints()
    {
        var app = TestApps.New();
        app.Get("/x", () => "get");
        app.Post("/x", () => "post");
        using var client = app.TestClient();
        Assert.Equal("get", (await client.GetAsync("/x")).Text);
        Assert.Equal("post", (await client.PostAsync("/x")).Text);
    }

    public sealed class Counter
    {
        public int Value { get; set; }
    }

    public sealed class ItemViews
    {
        private readonly Counter _counter;

        public ItemViews(Counter counter)
        {
            _counter = counter;
        }

        [Route("/items/<int:id>")]
        public string Show(int id) => $"item {id} #{++_counter.Value}";

        [Route("/items", Methods = ["POST"], Endpoint = "create_item")]
        public static object Create() => ("created", 201);

        [Route("/alias")]
        [Route("/other-alias")]
        public string Alias() => "alias";
    }

    [Fact]
    public async Task AttributeRoutesOnAClassWithConstructorInjection()
    {
        var app = TestApps.New();
        app.Services.AddSingleton<Counter>();
        app.Register<ItemViews>();
        using var client = app.TestClient();
        Assert.Equal("item 5 #1", (await client.GetAsync("/items/5")).Text);
        Assert.Equal("item 6 #2", (await client.GetAsync("/items/6")).Text);
        var created = await client.PostAsync("/items");
        Assert.Equal(201, created.StatusCode);
        Assert.Equal("alias", (await client.GetAsync("/other-alias")).Text);
        Assert.Contains("Show", app.ViewFunctions.Keys);
        Assert.Contains("create_item", app.ViewFunctions.Keys);
    }

    [Fact]
    public async Task RegisteringAnInstanceUsesThatInstance()
    {
        var app = TestApps.New();
        var counter = new Counter { Value = 10 };
        app.Register(new ItemViews(counter));
        using var client = app.TestClient();
        Assert.Equal("item 1 #11", (await client.GetAsync("/items/1")).Text);
        Assert.Equal(11, counter.Value);
    }

    [Fact]
    public async Task SetupAfterTheFirstRequestIsRefused()
    {
        var app = TestApps.New();
        app.Get("/", () => "x", endpoint: "i");
        using var client = app.TestClient();
        await client.GetAsync("/");
        var error = Assert.Throws<InvalidOperationException>(() => app.Get("/late", () => "late", endpoint: "late"));
        Assert.StartsWith("The setup method 'add_url_rule' can no longer be called on the application.", error.Message, StringComparison.Ordinal);
    }
}
