using System.Text;

namespace Flagon.Routing;

/// <summary>
/// One URL rule, as Werkzeug's <c>Rule</c>: a pattern such as <c>/user/&lt;int:id&gt;</c>, the endpoint it
/// names, the methods it accepts and its options. Add it to a <see cref="UrlMap"/> to compile it.
/// </summary>
public sealed class Rule
{
    private readonly HashSet<string> _argumentSet;
    private readonly List<string> _arguments;
    private BaseConverter[] _converters = [];
    private string[] _converterNames = [];
    private (bool Dynamic, string Data)[] _domainOps = [];
    private (bool Dynamic, string Data)[] _urlOps = [];
    private List<RulePart> _parts = [];
    private string _traceKey = "";

    /// <summary>Creates a rule; the pattern's syntax is checked now, its converters when it is added to a map.</summary>
    /// <param name="pattern">The rule string; it must start with <c>/</c>.</param>
    /// <param name="endpoint">The endpoint name (defaults to the pattern).</param>
    /// <param name="methods">Accepted methods (null = any); upper-cased, HEAD is added when GET is present.</param>
    /// <param name="defaults">Values for the handler that the URL does not carry; also makes this rule the canonical URL of those values.</param>
    /// <param name="strictSlashes">Overrides the map's strict_slashes for this rule.</param>
    /// <param name="mergeSlashes">Overrides the map's merge_slashes for this rule.</param>
    /// <param name="subdomain">The subdomain pattern (may contain variables); null uses the map default.</param>
    /// <param name="buildOnly">The rule is used for building URLs only, never matched.</param>
    /// <param name="redirectTo">A target with <c>&lt;var&gt;</c> placeholders; a match redirects there with 308.</param>
    /// <param name="alias">A match redirects (308) to the canonical URL of the same endpoint.</param>
    /// <param name="redirectToCallable">Like <paramref name="redirectTo"/> but computed from the adapter and the values.</param>
    /// <exception cref="ArgumentException">The pattern does not start with a slash, is malformed, or repeats a variable.</exception>
    public Rule(
        string pattern,
        string? endpoint = null,
        IEnumerable<string>? methods = null,
        IReadOnlyDictionary<string, object?>? defaults = null,
        bool? strictSlashes = null,
        bool? mergeSlashes = null,
        string? subdomain = null,
        bool buildOnly = false,
        string? redirectTo = null,
        bool alias = false,
        Func<MapAdapter, IReadOnlyDictionary<string, object?>, string>? redirectToCallable = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.StartsWith('/'))
        {
            throw new ArgumentException($"URL rule '{pattern}' must start with a slash.", nameof(pattern));
        }
        Pattern = pattern;
        Endpoint = endpoint ?? pattern;
        if (methods is not null)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in methods)
            {
                set.Add(m.ToUpperInvariant());
            }
            if (set.Contains("GET"))
            {
                set.Add("HEAD");
            }
            Methods = set;
        }
        Defaults = defaults is null ? null : new Dictionary<string, object?>(defaults, StringComparer.Ordinal);
        StrictSlashes = strictSlashes;
        MergeSlashes = mergeSlashes;
        Subdomain = subdomain;
        BuildOnly = buildOnly;
        RedirectTo = redirectTo;
        RedirectToCallable = redirectToCallable;
        Alias = alias;
        IsLeaf = !pattern.EndsWith('/');

        _argumentSet = new HashSet<string>(StringComparer.Ordinal);
        var arguments = new List<string>();
        if (Defaults is not null)
        {
            foreach (var key in Defaults.Keys)
            {
                if (_argumentSet.Add(key))
                {
                    arguments.Add(key);
                }
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in new[] { subdomain ?? "", pattern })
        {
            foreach (var token in RuleSyntax.Tokenize(source))
            {
                if (token.Kind != RuleTokenKind.Variable)
                {
                    continue;
                }
                if (!seen.Add(token.Text))
                {
                    throw new ArgumentException($"variable name {PyText.Repr(token.Text)} used twice in rule {PyText.Repr(pattern)}.", nameof(pattern));
                }
                if (_argumentSet.Add(token.Text))
                {
                    arguments.Add(token.Text);
                }
            }
        }
        _arguments = arguments;
    }

    /// <summary>The rule string as written.</summary>
    public string Pattern { get; }

    /// <summary>The endpoint name this rule belongs to.</summary>
    public string Endpoint { get; }

    /// <summary>Accepted methods, upper-case, with HEAD when GET is present; null accepts any method.</summary>
    public IReadOnlySet<string>? Methods { get; }

    /// <summary>The names this rule needs or provides: its variables and its default keys.</summary>
    public IReadOnlyList<string> Arguments => _arguments;

    /// <summary>The rule's defaults, or null.</summary>
    public IReadOnlyDictionary<string, object?>? Defaults { get; }

    /// <summary>Free slot for the application (Flagon stores the handler here).</summary>
    public object? Tag { get; set; }

    /// <summary>The strict_slashes option as given (null = the map's).</summary>
    public bool? StrictSlashes { get; }

    /// <summary>The merge_slashes option as given (null = the map's).</summary>
    public bool? MergeSlashes { get; }

    /// <summary>The subdomain pattern as given (null = the map's default subdomain).</summary>
    public string? Subdomain { get; }

    /// <summary>True when the rule is only used to build URLs.</summary>
    public bool BuildOnly { get; }

    /// <summary>The redirect target pattern, or null.</summary>
    public string? RedirectTo { get; }

    /// <summary>The computed redirect target, or null.</summary>
    public Func<MapAdapter, IReadOnlyDictionary<string, object?>, string>? RedirectToCallable { get; }

    /// <summary>True when a match redirects to the endpoint's canonical rule.</summary>
    public bool Alias { get; }

    /// <summary>True when the pattern does not end with a slash.</summary>
    public bool IsLeaf { get; }

    /// <summary>The map this rule was added to, or null.</summary>
    public UrlMap? Map { get; private set; }

    /// <summary>The converters of the rule's variables, by name, once added to a map.</summary>
    public IReadOnlyDictionary<string, BaseConverter> Converters { get; private set; } = new Dictionary<string, BaseConverter>();

    /// <summary>strict_slashes after the map default is applied.</summary>
    internal bool EffectiveStrictSlashes { get; private set; }

    /// <summary>merge_slashes after the map default is applied.</summary>
    internal bool EffectiveMergeSlashes { get; private set; }

    internal IReadOnlyList<RulePart> Parts => _parts;

    internal BaseConverter[] ConverterList => _converters;

    internal string[] ConverterNames => _converterNames;

    internal HashSet<string> ArgumentSet => _argumentSet;

    internal string TraceKey => _traceKey;

    /// <summary>Werkzeug's build order key: non-alias first, then more arguments, then more defaults.</summary>
    internal (int, int, int) BuildCompareKey => (Alias ? 1 : 0, -_argumentSet.Count, -(Defaults?.Count ?? 0));

    /// <inheritdoc/>
    public override string ToString() => Pattern;

    /// <summary>Binds the rule to a map: resolves options and converters, compiles parts and the builder.</summary>
    internal void Bind(UrlMap map)
    {
        if (Map is not null)
        {
            throw new InvalidOperationException($"url rule {PyText.Repr(Pattern)} already bound to a map");
        }
        EffectiveStrictSlashes = StrictSlashes ?? map.StrictSlashes;
        EffectiveMergeSlashes = MergeSlashes ?? map.MergeSlashes;
        var domainRule = Subdomain ?? map.DefaultSubdomain;

        var converters = new List<BaseConverter>();
        var names = new List<string>();
        var trace = new List<(bool Dynamic, string Data)>();
        var byName = new Dictionary<string, BaseConverter>(StringComparer.Ordinal);
        var parts = new List<RulePart>();
        if (domainRule.Length == 0)
        {
            parts.Add(RulePart.Static("", new PartWeight([], [])));
        }
        else
        {
            parts.AddRange(ParseParts(map, domainRule, converters, names, trace, byName));
        }
        var domainTraceCount = trace.Count;
        var rule = EffectiveMergeSlashes ? RuleSyntax.MergeSlashes(Pattern) : Pattern;
        parts.AddRange(ParseParts(map, rule, converters, names, trace, byName));

        foreach (var name in names)
        {
            // Variables of the map's default subdomain join the arguments when the rule is bound.
            if (_argumentSet.Add(name))
            {
                _arguments.Add(name);
            }
        }

        var domainOps = new List<(bool, string)>();
        var urlOps = new List<(bool, string)>();
        for (var i = 0; i < trace.Count; i++)
        {
            var ops = i < domainTraceCount ? domainOps : urlOps;
            var (dynamic, data) = trace[i];
            if (dynamic && Defaults is not null && Defaults.TryGetValue(data, out var def))
            {
                ops.Add((false, byName[data].ToUrl(def)));
            }
            else if (!dynamic)
            {
                ops.Add((false, UrlQuoting.QuotePath(data)));
            }
            else
            {
                ops.Add((true, data));
            }
        }

        var key = new StringBuilder();
        for (var i = 0; i < trace.Count; i++)
        {
            if (i == domainTraceCount)
            {
                key.Append('|');
            }
            key.Append(trace[i].Dynamic ? '<' : '"').Append(trace[i].Data).Append('\0');
        }
        _traceKey = key.ToString();
        _converters = [.. converters];
        _converterNames = [.. names];
        Converters = byName;
        _domainOps = [.. domainOps];
        _urlOps = [.. urlOps];
        _parts = parts;
        Map = map;
    }

    private static IEnumerable<RulePart> ParseParts(
        UrlMap map,
        string rule,
        List<BaseConverter> converters,
        List<string> names,
        List<(bool, string)> trace,
        Dictionary<string, BaseConverter> byName)
    {
        var result = new List<RulePart>();
        var pieces = new List<RulePart.Piece>();
        var isStatic = true;
        var staticText = new StringBuilder();
        var staticWeights = new List<(int, int)>();
        var argumentWeights = new List<int>();
        var final = false;
        foreach (var token in RuleSyntax.Tokenize(rule))
        {
            switch (token.Kind)
            {
                case RuleTokenKind.Static:
                    staticWeights.Add((staticWeights.Count, -token.Text.Length));
                    trace.Add((false, token.Text));
                    pieces.Add(new RulePart.Piece(token.Text, null));
                    staticText.Append(token.Text);
                    break;
                case RuleTokenKind.Variable:
                    var converterName = token.Converter ?? "default";
                    if (!map.Converters.TryGetValue(converterName, out var factory))
                    {
                        throw new ArgumentException($"the converter {PyText.Repr(converterName)} does not exist");
                    }
                    var converter = factory(ConverterArguments.Parse(token.Arguments ?? ""));
                    isStatic = false;
                    converters.Add(converter);
                    names.Add(token.Text);
                    byName[token.Text] = converter;
                    if (!converter.PartIsolating)
                    {
                        final = true;
                    }
                    pieces.Add(new RulePart.Piece(null, converter));
                    argumentWeights.Add(converter.Weight);
                    trace.Add((true, token.Text));
                    break;
                default:
                    trace.Add((false, "/"));
                    if (final)
                    {
                        pieces.Add(new RulePart.Piece("/", null));
                    }
                    else
                    {
                        var weight = new PartWeight(staticWeights, argumentWeights);
                        result.Add(isStatic
                            ? RulePart.Static(staticText.ToString(), weight)
                            : RulePart.Dynamic(Coalesce(pieces), false, weight, out _));
                        pieces.Clear();
                        staticText.Clear();
                        isStatic = true;
                        final = false;
                        staticWeights.Clear();
                        argumentWeights.Clear();
                    }
                    break;
            }
        }
        var lastWeight = new PartWeight(staticWeights, argumentWeights);
        if (isStatic)
        {
            result.Add(RulePart.Static(staticText.ToString(), lastWeight));
        }
        else
        {
            result.Add(RulePart.Dynamic(Coalesce(pieces), final, lastWeight, out var suffixPart));
            if (suffixPart is not null)
            {
                result.Add(suffixPart);
            }
        }
        return result;
    }

    private static List<RulePart.Piece> Coalesce(List<RulePart.Piece> pieces)
    {
        var result = new List<RulePart.Piece>();
        foreach (var piece in pieces)
        {
            if (piece.Text is not null && result.Count > 0 && result[^1].Text is { } previous)
            {
                result[^1] = new RulePart.Piece(previous + piece.Text, null);
            }
            else
            {
                result.Add(piece);
            }
        }
        return result;
    }

    /// <summary>Werkzeug's <c>provides_defaults_for</c>: this rule is the canonical URL for <paramref name="rule"/>'s values.</summary>
    internal bool ProvidesDefaultsFor(Rule rule)
        => !BuildOnly
           && Defaults is { Count: > 0 }
           && Endpoint == rule.Endpoint
           && _traceKey != rule._traceKey
           && _argumentSet.SetEquals(rule._argumentSet);

    /// <summary>Werkzeug's <c>suitable_for</c>: the values (and method) are enough to build this rule.</summary>
    internal bool SuitableFor(IReadOnlyDictionary<string, object?> values, string? method)
    {
        if (method is not null && Methods is not null && !Methods.Contains(method))
        {
            return false;
        }
        foreach (var key in _argumentSet)
        {
            if ((Defaults is null || !Defaults.ContainsKey(key)) && !values.ContainsKey(key))
            {
                return false;
            }
        }
        if (Defaults is not null)
        {
            foreach (var (key, value) in Defaults)
            {
                if (values.TryGetValue(key, out var given) && !Flagon.Jinja.Runtime.PyValueComparer.Instance.Equals(value, given))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>Builds (domain part, path with query) from values; null when a converter throws ValidationError.</summary>
    internal (string Domain, string Path)? Build(IReadOnlyDictionary<string, object?> values, bool appendUnknown)
    {
        try
        {
            var domain = Join(_domainOps, values);
            var path = Join(_urlOps, values);
            if (appendUnknown)
            {
                var query = QueryString.Encode(values, _argumentSet);
                if (query.Length > 0)
                {
                    path = path + "?" + query;
                }
            }
            return (domain, path);
        }
        catch (ValidationError)
        {
            return null;
        }
    }

    private string Join((bool Dynamic, string Data)[] ops, IReadOnlyDictionary<string, object?> values)
    {
        if (ops.Length == 1 && !ops[0].Dynamic)
        {
            return ops[0].Data;
        }
        var sb = new StringBuilder();
        foreach (var (dynamic, data) in ops)
        {
            sb.Append(dynamic ? Converters[data].ToUrl(values[data]) : data);
        }
        return sb.ToString();
    }
}
