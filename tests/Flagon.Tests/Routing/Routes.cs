using Flagon.Routing;

namespace Flagon.Tests.Routing;

/// <summary>Small helpers to build maps in the unit tests.</summary>
internal static class Routes
{
    public static UrlMap Map(params Rule[] rules)
    {
        var map = new UrlMap();
        foreach (var rule in rules)
        {
            map.Add(rule);
        }
        return map;
    }

    public static MapAdapter Adapter(params Rule[] rules) => Map(rules).Bind("example.org");

    public static Dictionary<string, object?> Values(params (string Key, object? Value)[] pairs)
        => pairs.ToDictionary(p => p.Key, p => p.Value);

    public static RouteMatch AssertMatched(this MapAdapter adapter, string path, string endpoint, string method = "GET")
    {
        var result = adapter.Match(path, method);
        Assert.True(result.Kind == RouteMatchKind.Matched, $"{method} {path}: {result}");
        Assert.Equal(endpoint, result.Rule!.Endpoint);
        return result;
    }

    public static void AssertNotFound(this MapAdapter adapter, string path, string method = "GET")
    {
        var result = adapter.Match(path, method);
        Assert.True(result.Kind == RouteMatchKind.NotFound, $"{method} {path}: {result}");
    }

    public static void AssertRedirect(this MapAdapter adapter, string path, string location, string method = "GET", string? query = null)
    {
        var result = adapter.Match(path, method, query);
        Assert.True(result.Kind == RouteMatchKind.Redirect, $"{method} {path}: {result}");
        Assert.Equal(location, result.RedirectUrl);
    }
}
