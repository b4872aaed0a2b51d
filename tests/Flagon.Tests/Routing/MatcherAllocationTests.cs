using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class MatcherAllocationTests
{
    private static long BytesPerCall(Action action)
    {
        for (var i = 0; i < 50; i++)
        {
            action();
        }
        const int n = 2000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < n; i++)
        {
            action();
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / n;
    }

    private static MapAdapter Adapter()
    {
        var map = new UrlMap();
        for (var i = 0; i < 50; i++)
        {
            map.Add(new Rule($"/section{i}/", $"s{i}"));
            map.Add(new Rule($"/section{i}/<int:id>", $"s{i}_item", ["GET", "POST"]));
            map.Add(new Rule($"/section{i}/<int:id>/edit", $"s{i}_edit"));
        }
        map.Add(new Rule("/", "index"));
        map.Add(new Rule("/about", "about"));
        map.Add(new Rule("/user/<name>", "user"));
        map.Add(new Rule("/files/<path:p>", "files"));
        return map.Bind("localhost");
    }

    [Fact]
    public void StaticMatchAllocatesOnlyTheValuesDictionary()
    {
        var a = Adapter();
        Assert.Equal("about", a.Match("/about", "GET").Rule!.Endpoint);
        var empty = BytesPerCall(() => _ = new Dictionary<string, object?>(0, StringComparer.Ordinal));
        Assert.True(BytesPerCall(() => a.Match("/about", "GET")) <= empty, "static match allocates beyond the values dictionary");
    }

    [Fact]
    public void IntMatchAllocatesOnlyTheDictionaryAndTheBoxedValue()
    {
        var a = Adapter();
        Assert.Equal(7L, a.Match("/section42/7", "GET").Values["id"]);
        var expected = BytesPerCall(() => _ = new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["id"] = (object)7L });
        Assert.True(BytesPerCall(() => a.Match("/section42/7", "GET")) <= expected, "int match allocates beyond the values dictionary and the boxed long");
    }

    [Fact]
    public void NotFoundAndMethodNotAllowedStayCheap()
    {
        var a = Adapter();
        Assert.Equal(RouteMatchKind.NotFound, a.Match("/nothing/here", "GET").Kind);
        Assert.Equal(0, BytesPerCall(() => a.Match("/nothing/here", "GET")));
    }
}
