namespace Flagon.Routing;

/// <summary>
/// The set of URL rules and routing options, as Werkzeug's <c>Map</c>. Add rules, then <see cref="Bind"/> an
/// adapter per request (or per host) to match paths and build URLs. Adding rules is thread-safe; matching
/// uses an immutable compiled snapshot.
/// </summary>
public sealed class UrlMap
{
    private readonly object _lock = new();
    private readonly List<Rule> _rules = [];
    private readonly Dictionary<string, List<Rule>> _byEndpoint = new(StringComparer.Ordinal);
    private readonly StateMachine _machine = new();
    private volatile Snapshot? _snapshot;

    /// <summary>Creates a map with Werkzeug's default converters.</summary>
    public UrlMap()
    {
        Converters = new Dictionary<string, ConverterFactory>(StringComparer.Ordinal)
        {
            ["default"] = UnicodeConverter.Create,
            ["string"] = UnicodeConverter.Create,
            ["any"] = AnyConverter.Create,
            ["path"] = PathConverter.Create,
            ["int"] = IntegerConverter.Create,
            ["float"] = FloatConverter.Create,
            ["uuid"] = UuidConverter.Create,
        };
    }

    /// <summary>A branch URL (<c>/x/</c>) requested without its slash redirects to it (308); a leaf with a slash is 404.</summary>
    public bool StrictSlashes { get; set; } = true;

    /// <summary>Runs of slashes in a request path are merged and the request redirected to the merged URL.</summary>
    public bool MergeSlashes { get; set; } = true;

    /// <summary>A URL that equals a rule's defaults redirects to the rule that provides those defaults.</summary>
    public bool RedirectDefaults { get; set; } = true;

    /// <summary>The subdomain used for rules without one, and for adapters bound without one.</summary>
    public string DefaultSubdomain { get; set; } = "";

    /// <summary>Converter factories by name; register custom converters here before adding the rules that use them.</summary>
    public IDictionary<string, ConverterFactory> Converters { get; }

    /// <summary>All rules, in registration order.</summary>
    public IReadOnlyList<Rule> Rules
    {
        get
        {
            lock (_lock)
            {
                return [.. _rules];
            }
        }
    }

    /// <summary>Adds (and compiles) a rule.</summary>
    /// <exception cref="ArgumentException">The rule uses an unknown converter or bad converter arguments.</exception>
    /// <exception cref="InvalidOperationException">The rule already belongs to a map.</exception>
    public void Add(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_lock)
        {
            rule.Bind(this);
            if (!rule.BuildOnly)
            {
                _machine.Add(rule);
            }
            if (!_byEndpoint.TryGetValue(rule.Endpoint, out var list))
            {
                list = [];
                _byEndpoint[rule.Endpoint] = list;
            }
            list.Add(rule);
            _rules.Add(rule);
            _snapshot = null;
        }
    }

    /// <summary>The rules of an endpoint in build order (non-alias first, more arguments first, more defaults first).</summary>
    public IEnumerable<Rule> RulesFor(string endpoint)
        => GetSnapshot().ByEndpoint.TryGetValue(endpoint, out var rules) ? rules : [];

    /// <summary>True when some rule of the endpoint takes all the given arguments.</summary>
    public bool IsEndpointExpecting(string endpoint, params string[] arguments)
        => RulesFor(endpoint).Any(rule => arguments.All(rule.ArgumentSet.Contains));

    /// <summary>Creates an adapter that matches and builds for one host, script root and scheme.</summary>
    /// <param name="serverName">The host (with port if not default), used for redirects and external URLs.</param>
    /// <param name="scriptName">The application root (ASP.NET Core's PathBase).</param>
    /// <param name="subdomain">The request's subdomain; null uses <see cref="DefaultSubdomain"/>.</param>
    /// <param name="urlScheme">The request scheme.</param>
    /// <param name="defaultMethod">The method tried first when building without a method.</param>
    public MapAdapter Bind(string serverName, string scriptName = "", string? subdomain = null, string urlScheme = "http", string defaultMethod = "GET")
        => new(this, serverName, scriptName, subdomain ?? DefaultSubdomain, urlScheme, defaultMethod);

    internal Snapshot GetSnapshot()
    {
        var snapshot = _snapshot;
        if (snapshot is not null)
        {
            return snapshot;
        }
        lock (_lock)
        {
            snapshot = _snapshot;
            if (snapshot is null)
            {
                var root = _machine.Compile(out var maxCaptures);
                var byEndpoint = new Dictionary<string, Rule[]>(StringComparer.Ordinal);
                var ordered = new List<Rule>();
                foreach (var (endpoint, list) in _byEndpoint)
                {
                    var sorted = list
                        .Select((rule, index) => (rule, index))
                        .OrderBy(x => x.rule.BuildCompareKey)
                        .ThenBy(x => x.index)
                        .Select(x => x.rule)
                        .ToArray();
                    byEndpoint[endpoint] = sorted;
                    ordered.AddRange(sorted);
                }
                snapshot = new Snapshot(root, maxCaptures, byEndpoint, [.. ordered]);
                _snapshot = snapshot;
            }
            return snapshot;
        }
    }

    /// <summary>An immutable compiled view of the map.</summary>
    internal sealed record Snapshot(CompiledState Root, int MaxCaptures, Dictionary<string, Rule[]> ByEndpoint, Rule[] AllByEndpoint);
}
