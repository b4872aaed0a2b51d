using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class MatcherRobustnessTests
{
    [Fact]
    public void VeryLongPathsDoNotRecurseDeeply()
    {
        var a = Routes.Adapter(new Rule("/a/<b>", "ab"), new Rule("/files/<path:p>", "files"));
        var deep = string.Concat(Enumerable.Repeat("/a", 50_000));
        a.AssertNotFound(deep);
        Assert.Equal(deep[1..], a.AssertMatched("/files" + deep, "files").Values["p"]);
    }

    [Fact]
    public void ConcurrentMatchingAndAddingIsSafe()
    {
        var map = new UrlMap();
        map.Add(new Rule("/user/<int:id>", "user"));
        var adapter = map.Bind("localhost");
        var failures = 0;
        Parallel.For(0, 2000, i =>
        {
            if (i % 100 == 0)
            {
                map.Add(new Rule($"/added{i}", $"added{i}"));
            }
            var result = adapter.Match("/user/" + i, "GET");
            if (result.Kind != RouteMatchKind.Matched || !Equals(result.Values["id"], (long)i))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
        Assert.Equal(RouteMatchKind.Matched, adapter.Match("/added1900", "GET").Kind);
    }

    [Fact]
    public void ManyCapturesUseAPooledBuffer()
    {
        var pattern = string.Concat(Enumerable.Range(0, 40).Select(i => $"/<v{i}>"));
        var a = Routes.Adapter(new Rule(pattern, "many"));
        var path = string.Concat(Enumerable.Range(0, 40).Select(i => $"/{i}"));
        var values = a.AssertMatched(path, "many").Values;
        Assert.Equal("39", values["v39"]);
        Assert.Equal(path, a.Build("many", values));
    }

    [Fact]
    public void SegmentsWithSeveralVariablesCannotBacktrackCatastrophically()
    {
        // Werkzeug's backtracking regex needs minutes for this; the linear-time engine answers at once.
        var a = Routes.Adapter(new Rule("/<a>-<b>-<c>.html", "x"));
        a.AssertNotFound("/" + new string('-', 4000) + "x");
        var values = a.AssertMatched("/a-b-c-d.html", "x").Values;
        Assert.Equal(("a-b", "c", "d"), ((string)values["a"]!, (string)values["b"]!, (string)values["c"]!));
    }

    private sealed class LookaheadConverter : BaseConverter
    {
        public LookaheadConverter() => Regex = @"(?=[a-z]*\d)[a-z0-9]+";

        public override object? ToPython(string value) => value;
    }

    [Fact]
    public void CustomRegexesOutsideTheLinearEngineStillWork()
    {
        var map = new UrlMap();
        map.Converters["la"] = _ => new LookaheadConverter();
        map.Add(new Rule("/la/<la:v>", "la"));
        var a = map.Bind("localhost");
        Assert.Equal("abc1", a.AssertMatched("/la/abc1", "la").Values["v"]);
        a.AssertNotFound("/la/abc");
    }
}
