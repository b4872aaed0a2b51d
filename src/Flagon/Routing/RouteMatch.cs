namespace Flagon.Routing;

/// <summary>The result of <see cref="MapAdapter.Match"/>: never an exception, always one of four outcomes.</summary>
public readonly struct RouteMatch
{
    private static readonly IReadOnlyDictionary<string, object?> _noValues = new Dictionary<string, object?>();
    private static readonly IReadOnlyCollection<string> _noMethods = [];

    private RouteMatch(RouteMatchKind kind, Rule? rule, IReadOnlyDictionary<string, object?>? values, IReadOnlyCollection<string>? allowed, string? redirectUrl)
    {
        Kind = kind;
        Rule = rule;
        Values = values ?? _noValues;
        AllowedMethods = allowed ?? _noMethods;
        RedirectUrl = redirectUrl;
    }

    /// <summary>Which outcome this is.</summary>
    public RouteMatchKind Kind { get; }

    /// <summary>The matched rule (only for <see cref="RouteMatchKind.Matched"/>).</summary>
    public Rule? Rule { get; }

    /// <summary>
    /// The converted URL values plus the rule's defaults. For a match this is a fresh
    /// <see cref="Dictionary{TKey, TValue}"/> owned by the caller; otherwise empty.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>The union of the methods of the rules that matched the path (405), for the Allow header.</summary>
    public IReadOnlyCollection<string> AllowedMethods { get; }

    /// <summary>The absolute URL to redirect to (308), for <see cref="RouteMatchKind.Redirect"/>.</summary>
    public string? RedirectUrl { get; }

    /// <summary>The endpoint of the matched rule, or null.</summary>
    public string? Endpoint => Rule?.Endpoint;

    /// <summary>The HTTP status this outcome maps to (200, 404, 405 or 308).</summary>
    public int StatusCode => Kind switch
    {
        RouteMatchKind.Matched => 200,
        RouteMatchKind.NotFound => 404,
        RouteMatchKind.MethodNotAllowed => 405,
        _ => 308,
    };

    internal static RouteMatch Matched(Rule rule, Dictionary<string, object?> values) => new(RouteMatchKind.Matched, rule, values, null, null);

    internal static RouteMatch NotFound() => new(RouteMatchKind.NotFound, null, null, null, null);

    internal static RouteMatch MethodNotAllowed(IReadOnlyCollection<string> allowed) => new(RouteMatchKind.MethodNotAllowed, null, null, allowed, null);

    internal static RouteMatch Redirect(string url) => new(RouteMatchKind.Redirect, null, null, null, url);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        RouteMatchKind.Matched => $"Matched {Rule!.Endpoint}",
        RouteMatchKind.MethodNotAllowed => $"MethodNotAllowed [{string.Join(", ", AllowedMethods.Order(StringComparer.Ordinal))}]",
        RouteMatchKind.Redirect => $"Redirect {RedirectUrl}",
        _ => "NotFound",
    };
}
