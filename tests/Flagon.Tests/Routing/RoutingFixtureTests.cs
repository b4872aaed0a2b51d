using System.Text.Json;
using Flagon.Routing;

namespace Flagon.Tests.Routing;

/// <summary>Replays the Werkzeug-recorded matches, builds and allowed-method lookups of Fixtures/routing.json.</summary>
public class RoutingFixtureTests
{
    public static TheoryData<string, string, int> AllCases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (map, kind, index) in RoutingFixture.Cases())
        {
            data.Add(map, kind, index);
        }
        return data;
    }

    [Fact]
    public void FixtureHasTheRecordedCounts()
    {
        var counts = RoutingFixture.Document.RootElement.GetProperty("counts");
        var cases = RoutingFixture.Cases().ToList();
        Assert.Equal(counts.GetProperty("requests").GetInt32(), cases.Count(c => c.Kind == "requests"));
        Assert.Equal(counts.GetProperty("builds").GetInt32(), cases.Count(c => c.Kind == "builds"));
        Assert.True(cases.Count > 300);
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void ReplaysWerkzeug(string map, string kind, int index)
    {
        var item = RoutingFixture.MapSpec(map).GetProperty(kind)[index];
        switch (kind)
        {
            case "requests":
                CheckRequest(map, item);
                break;
            case "builds":
                CheckBuild(map, item);
                break;
            default:
                CheckAllowed(map, item);
                break;
        }
    }

    private static string? OptionalString(JsonElement item, string name)
        => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static void CheckRequest(string map, JsonElement item)
    {
        var adapter = RoutingFixture.Bind(map, OptionalString(item, "subdomain"));
        var path = item.GetProperty("path").GetString()!;
        var method = item.GetProperty("method").GetString()!;
        var query = item.GetProperty("query").GetString();
        var result = adapter.Match(path, method, query);
        var expect = item.GetProperty("expect");
        var context = $"{method} {path}?{query} -> {result}";
        switch (expect.GetProperty("kind").GetString())
        {
            case "match":
                Assert.True(result.Kind == RouteMatchKind.Matched, context);
                Assert.Equal(expect.GetProperty("endpoint").GetString(), result.Rule!.Endpoint);
                Assert.Equal(expect.GetProperty("rule").GetString(), result.Rule.Pattern);
                var expected = expect.GetProperty("values").EnumerateObject()
                    .ToDictionary(p => p.Name, p => RoutingFixture.Describe(RoutingFixture.Typed(p.Value)));
                var actual = result.Values.ToDictionary(p => p.Key, p => RoutingFixture.Describe(p.Value));
                Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
                break;
            case "redirect":
                Assert.True(result.Kind == RouteMatchKind.Redirect, context);
                Assert.Equal(expect.GetProperty("location").GetString(), result.RedirectUrl);
                break;
            case "405":
                Assert.True(result.Kind == RouteMatchKind.MethodNotAllowed, context);
                var allowed = expect.GetProperty("allowed").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal);
                Assert.Equal(allowed, result.AllowedMethods.Order(StringComparer.Ordinal));
                break;
            default:
                Assert.True(result.Kind == RouteMatchKind.NotFound, context);
                break;
        }
    }

    private static void CheckBuild(string map, JsonElement item)
    {
        var adapter = RoutingFixture.Bind(map, OptionalString(item, "subdomain"));
        var values = item.GetProperty("values").EnumerateObject()
            .ToDictionary(p => p.Name, p => RoutingFixture.Typed(p.Value));
        var expect = item.GetProperty("expect");
        string Build() => adapter.Build(
            item.GetProperty("endpoint").GetString()!,
            values,
            OptionalString(item, "method"),
            item.GetProperty("force_external").GetBoolean(),
            item.GetProperty("append_unknown").GetBoolean(),
            OptionalString(item, "url_scheme"));
        if (expect.TryGetProperty("url", out var url))
        {
            Assert.Equal(url.GetString(), Build());
        }
        else if (expect.GetProperty("error").GetString() == "BuildError")
        {
            var error = Assert.Throws<BuildError>(Build);
            Assert.Equal(expect.GetProperty("message").GetString(), error.Message);
        }
        else
        {
            var error = Assert.Throws<ArgumentException>(Build);
            Assert.Equal(expect.GetProperty("message").GetString(), error.Message);
        }
    }

    private static void CheckAllowed(string map, JsonElement item)
    {
        var adapter = RoutingFixture.Bind(map, null);
        var expected = item.GetProperty("expect").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, adapter.AllowedMethods(item.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
    }
}
