using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Blueprints;

/// <summary>Nested blueprints: dotted names, joined prefixes, relative endpoints and parent hooks at any depth.</summary>
public class NestedBlueprintTests
{
    [Fact]
    public async Task PrefixesJoinAndNamesDot()
    {
        var api = new Blueprint("api", urlPrefix: "/api/");
        var v1 = new Blueprint("v1", urlPrefix: "/v1");
        var users = new Blueprint("users");
        users.Get("/users/<int:id>", (int id) => $"{Request.Blueprint}|{string.Join(",", Request.Blueprints)}|{UrlFor(".user", new { id = id + 1 })}|{UrlFor("api.v1.index")}", endpoint: "user");
        v1.Get("/", () => "v1", endpoint: "index");
        v1.RegisterBlueprint(users);
        api.RegisterBlueprint(v1);
        var app = TestApps.New();
        app.RegisterBlueprint(api);
        using var client = app.TestClient();
        Assert.Equal("api.v1.users|api.v1.users,api.v1,api|/api/v1/users/4|/api/v1/", (await client.GetAsync("/api/v1/users/3")).Text);
        Assert.Equal(["api", "api.v1", "api.v1.users"], app.Blueprints.Keys);
    }

    [Fact]
    public async Task TheChildPrefixGivenAtRegistrationWinsAndAChildWithoutOneTakesTheParents()
    {
        var parent = new Blueprint("parent", urlPrefix: "/parent");
        var named = new Blueprint("named", urlPrefix: "/own");
        var plain = new Blueprint("plain");
        named.Get("/", () => "named", endpoint: "index");
        plain.Get("/plain", () => "plain", endpoint: "index");
        parent.RegisterBlueprint(named, urlPrefix: "/given");
        parent.RegisterBlueprint(plain);
        var app = TestApps.New();
        app.RegisterBlueprint(parent);
        using var client = app.TestClient();
        Assert.Equal("named", (await client.GetAsync("/parent/given/")).Text);
        Assert.Equal("plain", (await client.GetAsync("/parent/plain")).Text);
        Assert.Equal(404, (await client.GetAsync("/parent/own/")).StatusCode);
    }

    [Fact]
    public async Task OneChildUnderTwoParentsGetsTwoNames()
    {
        var child = new Blueprint("child");
        child.Get("/", () => Request.Blueprint!, endpoint: "index");
        var a = new Blueprint("a", urlPrefix: "/a");
        var b = new Blueprint("b", urlPrefix: "/b");
        a.RegisterBlueprint(child);
        b.RegisterBlueprint(child);
        var app = TestApps.New();
        app.RegisterBlueprint(a);
        app.RegisterBlueprint(b);
        using var client = app.TestClient();
        Assert.Equal("a.child", (await client.GetAsync("/a/")).Text);
        Assert.Equal("b.child", (await client.GetAsync("/b/")).Text);
    }

    [Fact]
    public async Task ParentHooksAndHandlersApplyToChildren()
    {
        var parent = new Blueprint("parent", urlPrefix: "/p");
        var child = new Blueprint("child", urlPrefix: "/c");
        parent.BeforeRequest(() => Request.Args.Get("deny") is null ? null : ("denied by parent", 403));
        parent.ErrorHandler<ArgumentException>(e => ("parent handled " + Request.Blueprint, 400));
        child.Get("/", () => Request.Args.Get("fail") is null ? "child" : throw new ArgumentException("x"), endpoint: "index");
        parent.RegisterBlueprint(child);
        var app = TestApps.New();
        app.RegisterBlueprint(parent);
        using var client = app.TestClient();
        Assert.Equal("child", (await client.GetAsync("/p/c/")).Text);
        Assert.Equal("denied by parent", (await client.GetAsync("/p/c/?deny=1")).Text);
        Assert.Equal("parent handled parent.child", (await client.GetAsync("/p/c/?fail=1")).Text);
    }
}
