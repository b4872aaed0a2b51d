using System.Buffers;
using System.Globalization;

namespace Flagon.Routing;

/// <summary>
/// A <see cref="UrlMap"/> bound to one host, script root and scheme (Werkzeug's <c>MapAdapter</c>):
/// matches request paths and builds URLs.
/// </summary>
public sealed class MapAdapter
{
    private const int StackCaptures = 16;

    private readonly UrlMap _map;

    internal MapAdapter(UrlMap map, string serverName, string scriptName, string subdomain, string urlScheme, string defaultMethod)
    {
        _map = map;
        var host = serverName.ToLowerInvariant();
        if (host.Any(c => c > 127))
        {
            host = new IdnMapping().GetAscii(host);
        }
        ServerName = host;
        ScriptName = scriptName.EndsWith('/') ? scriptName : scriptName + "/";
        Subdomain = subdomain;
        UrlScheme = urlScheme;
        DefaultMethod = defaultMethod;
    }

    /// <summary>The map this adapter matches against.</summary>
    public UrlMap Map => _map;

    /// <summary>The bound host, lower-case.</summary>
    public string ServerName { get; }

    /// <summary>The application root, always ending with <c>/</c>.</summary>
    public string ScriptName { get; }

    /// <summary>The bound subdomain (empty for none).</summary>
    public string Subdomain { get; }

    /// <summary>The bound scheme.</summary>
    public string UrlScheme { get; }

    /// <summary>The method tried first when building without a method.</summary>
    public string DefaultMethod { get; }

    private enum Walk
    {
        None,
        Found,
        SlashRequired,
    }

    private ref struct Context
    {
        public string Domain;
        public string Path;
        public string Method;
        public Span<Capture> Captures;
        public HashSet<string>? HaveMatchFor;
        public Rule? Rule;
        public int CaptureCount;

        public void AddHave(IReadOnlySet<string> methods)
        {
            HaveMatchFor ??= new HashSet<string>(StringComparer.Ordinal);
            HaveMatchFor.UnionWith(methods);
        }
    }

    /// <summary>Matches a (decoded) request path and method; the outcome is a value, never an exception.</summary>
    /// <param name="path">The request path relative to the script root, percent-decoded.</param>
    /// <param name="method">The request method.</param>
    /// <param name="queryString">The raw query string, kept on redirects (a leading <c>?</c>, as ASP.NET Core's
    /// <c>QueryString.Value</c> has, is ignored).</param>
    public RouteMatch Match(string path, string method, string? queryString = null)
    {
        var snapshot = _map.GetSnapshot();
        method = UpperMethod(method);
        if (queryString is { Length: > 0 } && queryString[0] == '?')
        {
            queryString = queryString[1..];
        }
        var pathPart = NormalizePath(path);

        Capture[]? rented = null;
        var captures = snapshot.MaxCaptures <= StackCaptures
            ? stackalloc Capture[StackCaptures]
            : (rented = ArrayPool<Capture>.Shared.Rent(snapshot.MaxCaptures));
        try
        {
            var ctx = new Context { Domain = Subdomain, Path = pathPart, Method = method, Captures = captures };
            var walk = Run(snapshot.Root, ref ctx);
            if (walk == Walk.SlashRequired)
            {
                return RouteMatch.Redirect(MakeRedirectUrl(UrlQuoting.QuotePath(pathPart + "/"), queryString, null));
            }
            if (walk == Walk.None)
            {
                if (_map.MergeSlashes && pathPart.Contains("//", StringComparison.Ordinal))
                {
                    var merged = RuleSyntax.MergeSlashes(pathPart);
                    ctx.Path = merged;
                    ctx.Rule = null;
                    walk = Run(snapshot.Root, ref ctx);
                    if (walk == Walk.SlashRequired)
                    {
                        return RouteMatch.Redirect(MakeRedirectUrl(UrlQuoting.QuotePath(merged + "/"), queryString, null));
                    }
                    if (walk == Walk.Found && ctx.Rule!.EffectiveMergeSlashes)
                    {
                        return RouteMatch.Redirect(MakeRedirectUrl(UrlQuoting.QuotePath(merged), queryString, null));
                    }
                }
                return NoMatch(ctx.HaveMatchFor);
            }

            var rule = ctx.Rule!;
            var values = new Dictionary<string, object?>(rule.ConverterList.Length + (rule.Defaults?.Count ?? 0), StringComparer.Ordinal);
            var converters = rule.ConverterList;
            var names = rule.ConverterNames;
            for (var i = 0; i < converters.Length; i++)
            {
                var capture = ctx.Captures[i];
                var source = capture.InDomain ? ctx.Domain : ctx.Path;
                if (!converters[i].TryToPython(source, capture.Start, capture.Length, out var value))
                {
                    return NoMatch(ctx.HaveMatchFor);
                }
                values[names[i]] = value;
            }
            if (rule.Defaults is not null)
            {
                foreach (var (key, value) in rule.Defaults)
                {
                    values[key] = value;
                }
            }
            if (rule.Alias && _map.RedirectDefaults)
            {
                var url = Build(rule.Endpoint, values, method, forceExternal: true, appendUnknown: false);
                if (!string.IsNullOrEmpty(queryString))
                {
                    url += "?" + queryString;
                }
                return RouteMatch.Redirect(url);
            }
            if (_map.RedirectDefaults)
            {
                var redirect = GetDefaultRedirect(snapshot, rule, method, values, queryString);
                if (redirect is not null)
                {
                    return RouteMatch.Redirect(redirect);
                }
            }
            if (rule.RedirectTo is not null || rule.RedirectToCallable is not null)
            {
                string target;
                if (rule.RedirectTo is not null)
                {
                    target = ExpandRedirect(rule, values);
                }
                else
                {
                    target = rule.RedirectToCallable!(this, values);
                }
                var netloc = Subdomain.Length > 0 ? Subdomain + "." + ServerName : ServerName;
                return RouteMatch.Redirect(UrlJoin.Join($"{(UrlScheme.Length > 0 ? UrlScheme : "http")}://{netloc}{ScriptName}", target));
            }
            return RouteMatch.Matched(rule, values);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Capture>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The methods the path accepts (empty when it does not match, or matches any method).</summary>
    public IReadOnlyCollection<string> AllowedMethods(string path)
    {
        var result = Match(path, "--");
        return result.Kind == RouteMatchKind.MethodNotAllowed ? result.AllowedMethods : [];
    }

    private static RouteMatch NoMatch(HashSet<string>? haveMatchFor)
        => haveMatchFor is { Count: > 0 } ? RouteMatch.MethodNotAllowed(haveMatchFor) : RouteMatch.NotFound();

    private static string UpperMethod(string method)
    {
        foreach (var c in method)
        {
            if (c is >= 'a' and <= 'z')
            {
                return method.ToUpperInvariant();
            }
        }
        return method;
    }

    private static string NormalizePath(string path)
    {
        if (path.Length == 0)
        {
            return "";
        }
        if (path[0] == '/' && (path.Length == 1 || path[1] != '/'))
        {
            return path;
        }
        return "/" + path.TrimStart('/');
    }

    private static Walk Run(CompiledState root, ref Context ctx) => MatchState(root, -1, 0, ref ctx);

    // pos: -1 = the domain part; 0..len = start of a path segment; len+1 = no parts left.
    private static Walk MatchState(CompiledState state, int pos, int captures, ref Context ctx)
    {
        var path = ctx.Path;
        if (pos > path.Length)
        {
            foreach (var rule in state.Rules)
            {
                if (rule.Methods is not null && !rule.Methods.Contains(ctx.Method))
                {
                    ctx.AddHave(rule.Methods);
                }
                else
                {
                    ctx.Rule = rule;
                    ctx.CaptureCount = captures;
                    return Walk.Found;
                }
            }
            if (state.EmptyChild is { } slashState)
            {
                foreach (var rule in slashState.Rules)
                {
                    if (rule.Methods is null || rule.Methods.Contains(ctx.Method))
                    {
                        if (rule.EffectiveStrictSlashes)
                        {
                            return Walk.SlashRequired;
                        }
                        ctx.Rule = rule;
                        ctx.CaptureCount = captures;
                        return Walk.Found;
                    }
                }
            }
            return Walk.None;
        }

        string source;
        int segStart;
        int segLength;
        int next;
        var inDomain = pos < 0;
        if (inDomain)
        {
            source = ctx.Domain;
            segStart = 0;
            segLength = source.Length;
            next = 0;
        }
        else
        {
            source = path;
            segStart = pos;
            var slash = path.IndexOf('/', pos);
            if (slash < 0)
            {
                segLength = path.Length - pos;
                next = path.Length + 1;
            }
            else
            {
                segLength = slash - pos;
                next = slash + 1;
            }
        }

        if (state.HasStatic && state.TryGetStatic(source.AsSpan(segStart, segLength), out var staticNext))
        {
            var walk = MatchState(staticNext, next, captures, ref ctx);
            if (walk != Walk.None)
            {
                return walk;
            }
        }

        foreach (var transition in state.Dynamic)
        {
            var matcher = transition.Matcher;
            var targetLength = segLength;
            var remaining = next;
            if (matcher.Final)
            {
                if (inDomain)
                {
                    continue;
                }
                targetLength = path.Length - pos;
                remaining = path.Length + 1;
            }
            if (matcher.TryMatch(source, inDomain, segStart, targetLength, ctx.Captures[captures..], out var slashSuffix))
            {
                if (slashSuffix)
                {
                    remaining = path.Length;
                }
                var walk = MatchState(transition.Target, remaining, captures + matcher.GroupCount, ref ctx);
                if (walk != Walk.None)
                {
                    return walk;
                }
            }
        }

        if (!inDomain && pos == path.Length)
        {
            foreach (var rule in state.Rules)
            {
                if (rule.EffectiveStrictSlashes)
                {
                    continue;
                }
                if (rule.Methods is not null && !rule.Methods.Contains(ctx.Method))
                {
                    ctx.AddHave(rule.Methods);
                }
                else
                {
                    ctx.Rule = rule;
                    ctx.CaptureCount = captures;
                    return Walk.Found;
                }
            }
        }
        return Walk.None;
    }

    private string? GetDefaultRedirect(UrlMap.Snapshot snapshot, Rule rule, string method, Dictionary<string, object?> values, string? queryString)
    {
        foreach (var r in snapshot.ByEndpoint[rule.Endpoint])
        {
            if (ReferenceEquals(r, rule))
            {
                break;
            }
            if (r.ProvidesDefaultsFor(rule) && r.SuitableFor(values, method))
            {
                foreach (var (key, value) in r.Defaults!)
                {
                    values[key] = value;
                }
                var built = r.Build(values, true);
                if (built is { } b)
                {
                    return MakeRedirectUrl(b.Path, queryString, b.Domain);
                }
                return null;
            }
        }
        return null;
    }

    private static string ExpandRedirect(Rule rule, IReadOnlyDictionary<string, object?> values)
    {
        var target = rule.RedirectTo!;
        var sb = new System.Text.StringBuilder();
        var pos = 0;
        while (pos < target.Length)
        {
            var open = target.IndexOf('<', pos);
            var close = open < 0 ? -1 : target.IndexOf('>', open + 1);
            if (open < 0 || close < 0 || close == open + 1)
            {
                sb.Append(target, pos, target.Length - pos);
                break;
            }
            sb.Append(target, pos, open - pos);
            var name = target[(open + 1)..close];
            if (!values.TryGetValue(name, out var value) || !rule.Converters.TryGetValue(name, out var converter))
            {
                throw new InvalidOperationException($"redirect_to of rule {PyText.Repr(rule.Pattern)} uses unknown variable {PyText.Repr(name)}.");
            }
            sb.Append(converter.ToUrl(value));
            pos = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>The full host for a domain part (a subdomain joined to the server name).</summary>
    internal string GetHost(string? domainPart)
    {
        var subdomain = domainPart ?? Subdomain;
        return subdomain.Length > 0 ? subdomain + "." + ServerName : ServerName;
    }

    private string MakeRedirectUrl(string pathInfo, string? queryString, string? domainPart)
    {
        var scheme = UrlScheme.Length > 0 ? UrlScheme : "http";
        var host = GetHost(domainPart);
        var root = ScriptName.Trim('/');
        var path = pathInfo.TrimStart('/');
        var joined = root.Length == 0 ? path : root + "/" + path;
        var suffix = string.IsNullOrEmpty(queryString) ? "" : "?" + queryString;
        return scheme + "://" + host + "/" + joined + suffix;
    }

    /// <summary>
    /// Builds the URL of an endpoint (Werkzeug's <c>MapAdapter.build</c>): variables go through their converters'
    /// <see cref="BaseConverter.ToUrl"/>, other values into the query string (lists repeat the key, nulls dropped).
    /// </summary>
    /// <param name="endpoint">The endpoint to build.</param>
    /// <param name="values">Variable and query values.</param>
    /// <param name="method">Pick a rule accepting this method; null tries the default method first, then any.</param>
    /// <param name="forceExternal">Return an absolute URL even on the same host.</param>
    /// <param name="appendUnknown">Put values that are not rule arguments into the query string.</param>
    /// <param name="urlScheme">The scheme of an absolute URL (normalised to http/https); null uses the bound one.</param>
    /// <param name="anchor">A fragment, quoted as Flask quotes <c>_anchor</c>.</param>
    /// <exception cref="BuildError">No rule of the endpoint can be built with these values and method.</exception>
    public string Build(
        string endpoint,
        IReadOnlyDictionary<string, object?>? values = null,
        string? method = null,
        bool forceExternal = false,
        bool appendUnknown = true,
        string? urlScheme = null,
        string? anchor = null)
    {
        var snapshot = _map.GetSnapshot();
        var clean = CleanValues(values);
        var rv = PartialBuild(snapshot, endpoint, clean, method, appendUnknown);
        if (rv is null)
        {
            throw new BuildError(endpoint, clean, method, this);
        }
        var (domain, path) = rv.Value;
        var host = GetHost(domain);
        var scheme = urlScheme ?? UrlScheme;
        if (scheme.Length > 0)
        {
            scheme = scheme is "https" or "wss" ? "https" : "http";
        }
        string url;
        if (!forceExternal && domain == Subdomain)
        {
            url = ScriptName.TrimEnd('/') + "/" + path.TrimStart('/');
        }
        else
        {
            url = (scheme.Length > 0 ? scheme + ":" : "") + "//" + host + ScriptName[..^1] + "/" + path.TrimStart('/');
        }
        if (anchor is not null)
        {
            url += "#" + UrlQuoting.QuoteAnchor(anchor);
        }
        return url;
    }

    private static IReadOnlyDictionary<string, object?> CleanValues(IReadOnlyDictionary<string, object?>? values)
    {
        if (values is null || values.Count == 0)
        {
            return new Dictionary<string, object?>();
        }
        foreach (var (_, value) in values)
        {
            if (value is null)
            {
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in values)
                {
                    if (v is not null)
                    {
                        copy[k] = v;
                    }
                }
                return copy;
            }
        }
        return values;
    }

    private (string Domain, string Path)? PartialBuild(
        UrlMap.Snapshot snapshot, string endpoint, IReadOnlyDictionary<string, object?> values, string? method, bool appendUnknown)
    {
        if (!snapshot.ByEndpoint.TryGetValue(endpoint, out var rules))
        {
            return null;
        }
        if (method is null)
        {
            var first = PartialBuildWith(rules, values, DefaultMethod, appendUnknown);
            if (first is not null)
            {
                return first;
            }
        }
        return PartialBuildWith(rules, values, method, appendUnknown);
    }

    private static (string Domain, string Path)? PartialBuildWith(
        Rule[] rules, IReadOnlyDictionary<string, object?> values, string? method, bool appendUnknown)
    {
        foreach (var rule in rules)
        {
            if (rule.SuitableFor(values, method))
            {
                var built = rule.Build(values, appendUnknown);
                if (built is not null)
                {
                    return built;
                }
            }
        }
        return null;
    }
}
