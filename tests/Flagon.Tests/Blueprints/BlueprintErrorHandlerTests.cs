using Flagon.Exceptions;
using Flagon.Testing;

namespace Flagon.Tests.Blueprints;

/// <summary>
/// Error handlers on blueprints: child → parent → app for a code, then the same for classes (Flask 2.2's lookup,
/// compared with recorded answers); routing 404s only see the app's handlers.
/// </summary>
public class BlueprintErrorHandlerTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var property in BlueprintFixture.Get("errors").EnumerateObject())
        {
            data.Add(property.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task HandlerLookupMatchesFlask(string path)
    {
        var app = TestApps.New();
        var parent = new Blueprint("parent", urlPrefix: "/p");
        var child = new Blueprint("child", urlPrefix: "/c");
        app.ErrorHandler(404, e => ("app 404", 404));
        app.ErrorHandler<Exception>(e => ("app Exception", 500));
        app.ErrorHandler<KeyNotFoundException>(e => ("app KeyError", 500));
        parent.ErrorHandler(404, e => ("parent 404", 404));
        parent.ErrorHandler<InvalidOperationException>(e => ("parent ValueError", 500));
        child.ErrorHandler<Exception>(e => ("child Exception", 500));
        child.ErrorHandler(403, e => ("child 403", 403));
        foreach (var kind in new[] { "404", "403", "410", "value", "key" })
        {
            Func<string> view = () => kind switch
            {
                "404" => throw new NotFound(),
                "403" => throw new Forbidden(),
                "410" => throw new Gone(),
                "value" => throw new InvalidOperationException("v"),
                _ => throw new KeyNotFoundException("k"),
            };
            app.Get($"/{kind}", view, endpoint: kind);
            parent.Get($"/{kind}", view, endpoint: kind);
            child.Get($"/{kind}", view, endpoint: kind);
        }

        parent.RegisterBlueprint(child);
        app.RegisterBlueprint(parent);
        using var client = app.TestClient();
        var response = await client.GetAsync(path);
        var expected = BlueprintFixture.Get("errors").GetProperty(path);
        Assert.Equal(expected.GetProperty("status").GetInt32(), response.StatusCode);
        Assert.Equal(expected.GetProperty("body").GetString(), response.Text.Contains('<', StringComparison.Ordinal) ? "default page" : response.Text);
    }

    [Fact]
    public async Task AppErrorHandlersFromABlueprintApplyEverywhere()
    {
        var bp = new Blueprint("errors");
        bp.AppErrorHandler(404, e => ($"custom {e.Code}", 404));
        bp.AppErrorHandlerAsync<ArgumentException>(async e =>
        {
            await Task.Yield();
            return ($"bad argument {e.Message}", 400);
        });
        var app = TestApps.New();
        app.Get("/arg", string () => throw new ArgumentException("x"), endpoint: "arg");
        app.RegisterBlueprint(bp);
        using var client = app.TestClient();
        var missing = await client.GetAsync("/missing");
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("custom 404", missing.Text);
        Assert.Equal("bad argument x", (await client.GetAsync("/arg")).Text);
    }

    [Fact]
    public async Task ABlueprintHandlerDoesNotHandleOtherBlueprintsErrors()
    {
        var a = new Blueprint("a", urlPrefix: "/a");
        var b = new Blueprint("b", urlPrefix: "/b");
        a.ErrorHandlerAsync(400, async e =>
        {
            await Task.Yield();
            return ("a handled", 400);
        });
        a.Get("/", string () => throw new BadRequest(), endpoint: "index");
        b.Get("/", string () => throw new BadRequest(), endpoint: "index");
        var app = TestApps.New();
        app.RegisterBlueprint(a);
        app.RegisterBlueprint(b);
        using var client = app.TestClient();
        Assert.Equal("a handled", (await client.GetAsync("/a/")).Text);
        var other = await client.GetAsync("/b/");
        Assert.Equal(400, other.StatusCode);
        Assert.Contains("Bad Request", other.Text, StringComparison.Ordinal);
    }
}
