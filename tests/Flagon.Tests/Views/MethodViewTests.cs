using Flagon.Testing;
using Flagon.Views;
using Microsoft.Extensions.DependencyInjection;
using static Flagon.Globals;

namespace Flagon.Tests.Views;

/// <summary>Flask's <c>MethodView</c>: dispatch by HTTP method, methods computed from the class, HEAD falling back to Get.</summary>
public class MethodViewTests
{
    [Fact]
    public void MethodsComeFromTheHandlersTheClassDefines()
    {
        Assert.Equal(["GET", "POST"], View.AsView<ItemsApi>("items").Methods!.Order(StringComparer.Ordinal));
        Assert.Equal(["DELETE", "GET", "POST", "PUT"], View.AsView<ItemApi>("item").Methods!.Order(StringComparer.Ordinal));
        Assert.Null(View.AsView<NothingApi>("nothing").Methods);
    }

    [Fact]
    public async Task RequestsDispatchByMethodWithBoundArguments()
    {
        var app = TestApps.New();
        var view = View.AsView<ItemApi>("items");
        app.AddUrlRule("/items/", view, methods: ["GET", "POST"]);
        app.AddUrlRule("/items/<int:id>", view, methods: ["GET", "PUT", "DELETE"]);
        using var client = app.TestClient();
        Assert.Equal("list", (await client.GetAsync("/items/")).Text);
        Assert.Equal("item 3", (await client.GetAsync("/items/3")).Text);
        Assert.Equal("created widget", (await client.PostAsync("/items/", form: new { name = "widget" })).Text);
        Assert.Equal("replaced 4", (await client.PutAsync("/items/4")).Text);
        var deleted = await client.DeleteAsync("/items/5");
        Assert.Equal(204, deleted.StatusCode);
        var notAllowed = await client.DeleteAsync("/items/");
        Assert.Equal(405, notAllowed.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS", "POST"], notAllowed.Header("Allow")!.Split(", ").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HeadFallsBackToGetAndAnExplicitHeadWins()
    {
        var app = TestApps.New();
        app.AddUrlRule("/items/", View.AsView<ItemsApi>("items"));
        app.AddUrlRule("/probe", View.AsView<HeadApi>("probe"));
        using var client = app.TestClient();
        var head = await client.HeadAsync("/items/");
        Assert.Equal(200, head.StatusCode);
        Assert.Equal("X", head.Header("X-Handler"));
        Assert.Equal("head", (await client.HeadAsync("/probe")).Header("X-Handler"));
        Assert.Equal("get", (await client.GetAsync("/probe")).Text);
    }

    [Fact]
    public async Task AsyncHandlersAndInheritedHandlers()
    {
        var app = TestApps.New();
        app.AddUrlRule("/async/<name>", View.AsView<AsyncApi>("async"));
        using var client = app.TestClient();
        Assert.Equal("hello bob", (await client.GetAsync("/async/bob")).Text);
        Assert.Equal("posted bob", (await client.PostAsync("/async/bob")).Text);
        Assert.Equal("patched bob", (await client.PatchAsync("/async/bob")).Text);
    }

    [Fact]
    public async Task HandlersGetServicesFromDependencyInjection()
    {
        var app = TestApps.New();
        app.Services.AddSingleton(new Greeter("welcome"));
        app.AddUrlRule("/greet/<name>", View.AsView<GreetingApi>("greet"));
        using var client = app.TestClient();
        Assert.Equal("welcome ann", (await client.GetAsync("/greet/ann")).Text);
    }

    [Fact]
    public async Task AnOptionsHandlerTurnsOffAutomaticOptions()
    {
        var app = TestApps.New();
        app.AddUrlRule("/cors", View.AsView<CorsApi>("cors"));
        using var client = app.TestClient();
        var options = await client.OptionsAsync("/cors");
        Assert.Equal("custom", options.Text);
        Assert.Equal("*", options.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void TwoHandlersForOneMethodAreAnError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => View.AsView<AmbiguousApi>("x"));
        Assert.Contains("GetAsync", error.Message, StringComparison.Ordinal);
    }

    public sealed record Greeter(string Word);

    public class ItemsApi : MethodView
    {
        public object Get() => ("list", new Dictionary<string, string> { ["X-Handler"] = "X" });

        public string Post() => $"created {Request.Form.Get("name")}";
    }

    public sealed class ItemApi : ItemsApi
    {
        public object Get(int? id = null) => id is null ? "list" : $"item {id}";

        public string Put(int id) => $"replaced {id}";

        public object Delete(int id) => (string.Empty, 204);
    }

    public sealed class NothingApi : MethodView
    {
    }

    public sealed class HeadApi : MethodView
    {
        public string Get() => "get";

        public Response Head()
        {
            var response = new Response(string.Empty);
            response.Headers["X-Handler"] = "head";
            return response;
        }
    }

    public class AsyncBase : MethodView
    {
        public async Task<string> GetAsync(string name)
        {
            await Task.Yield();
            return $"hello {name}";
        }
    }

    public sealed class AsyncApi : AsyncBase
    {
        public async ValueTask<string> PostAsync(string name)
        {
            await Task.Yield();
            return $"posted {name}";
        }

        public string Patch(string name) => $"patched {name}";
    }

    public sealed class GreetingApi : MethodView
    {
        public string Get(string name, Greeter greeter) => $"{greeter.Word} {name}";
    }

    public sealed class CorsApi : MethodView
    {
        public string Get() => "get";

        public object Options() => ("custom", new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" });
    }

    public sealed class AmbiguousApi : MethodView
    {
        public string Get() => "a";

        public Task<string> GetAsync() => Task.FromResult("b");
    }
}
