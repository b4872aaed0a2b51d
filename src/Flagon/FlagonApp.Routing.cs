using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Flagon.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon;

/// <summary>Routing registration and URL building.</summary>
public partial class FlagonApp
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> _valueProperties = new();
    private readonly List<Action<string, IDictionary<string, object?>>> _urlDefaults = [];
    private volatile BoundAdapter? _lastRequestAdapter;

    /// <summary>
    /// Routes <paramref name="rule"/> (Werkzeug syntax: <c>/user/&lt;int:id&gt;</c>) to <paramref name="handler"/>
    /// (Flask's <c>@app.route</c>). The endpoint defaults to the handler's name (a lambda's endpoint is the rule);
    /// <paramref name="defaults"/> is a dictionary or an anonymous object.
    /// </summary>
    public FlagonApp Route(string rule, Delegate handler, string[]? methods = null, string? endpoint = null, object? defaults = null, bool? strictSlashes = null, bool? mergeSlashes = null, bool? provideAutomaticOptions = null, string? redirectTo = null, bool alias = false, string? subdomain = null)
        => AddUrlRule(rule, endpoint, handler, methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, redirectTo, alias, subdomain);

    /// <summary>Routes GET (and HEAD) requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public FlagonApp Get(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["GET"], endpoint, defaults, strictSlashes);

    /// <summary>Routes POST requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public FlagonApp Post(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["POST"], endpoint, defaults, strictSlashes);

    /// <summary>Routes PUT requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public FlagonApp Put(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["PUT"], endpoint, defaults, strictSlashes);

    /// <summary>Routes DELETE requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public FlagonApp Delete(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["DELETE"], endpoint, defaults, strictSlashes);

    /// <summary>Routes PATCH requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public FlagonApp Patch(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["PATCH"], endpoint, defaults, strictSlashes);

    /// <summary>
    /// Flask's <c>add_url_rule</c>: adds a rule for <paramref name="endpoint"/>, and binds <paramref name="handler"/>
    /// to that endpoint when given. Methods default to GET; HEAD comes with GET; OPTIONS is answered automatically
    /// unless listed or disabled.
    /// </summary>
    public FlagonApp AddUrlRule(string rule, string? endpoint = null, Delegate? handler = null, string[]? methods = null, object? defaults = null, bool? strictSlashes = null, bool? mergeSlashes = null, bool? provideAutomaticOptions = null, string? redirectTo = null, bool alias = false, string? subdomain = null)
        => AddRule(rule, endpoint, handler?.Method, handler?.Target, handler, null, methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, redirectTo, alias, subdomain);

    /// <summary>
    /// Registers every method of <typeparamref name="T"/> carrying <see cref="RouteAttribute"/>. Instance methods
    /// run on an instance created per request with constructor injection from DI.
    /// </summary>
    public FlagonApp Register<T>()
        where T : class => Register(typeof(T), null);

    /// <summary>Registers the <see cref="RouteAttribute"/> methods of <paramref name="instance"/>, all calls going to that instance.</summary>
    public FlagonApp Register(object instance) => Register(instance.GetType(), instance);

    private FlagonApp Register(Type type, object? instance)
    {
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
        foreach (var method in methods)
        {
            foreach (var route in method.GetCustomAttributes<RouteAttribute>())
            {
                Func<FlagonRequest, object?> target = instance is not null
                    ? _ => instance
                    : r => ActivatorUtilities.GetServiceOrCreateInstance(r.HttpContext.RequestServices, type);
                AddRule(route.Rule, route.Endpoint ?? method.Name, method, instance, null, target, route.Methods, null, null, null, null, null, false, null);
            }
        }

        return this;
    }

    /// <summary>
    /// Adds a rule and, with a method, its view function. <paramref name="invoke"/> replaces the compiled handler
    /// binding (class-based views); <paramref name="explicitEndpoint"/> says whether an endpoint clash is an error
    /// (a named endpoint) or gets a <c>#2</c> suffix (a lambda's); by default, whether an endpoint was given.
    /// </summary>
    internal FlagonApp AddRule(string pattern, string? endpoint, MethodInfo? method, object? target, Delegate? handler, Func<FlagonRequest, object?>? targetFactory, string[]? methods, object? defaults, bool? strictSlashes, bool? mergeSlashes, bool? provideAutomaticOptions, string? redirectTo, bool alias, string? subdomain, Func<FlagonRequest, IDictionary<string, object?>?, ValueTask<object?>>? invoke = null, bool? explicitEndpoint = null)
    {
        CheckSetup("add_url_rule");
        var isExplicit = explicitEndpoint ?? endpoint is not null;
        endpoint ??= method is null ? throw new ArgumentException("An endpoint is needed for a rule without a handler.", nameof(endpoint)) : EndpointFromMethod(method) ?? pattern;
        var methodSet = new HashSet<string>((methods is { Length: > 0 } ? methods : ["GET"]).Select(m => m.ToUpperInvariant()), StringComparer.Ordinal);
        var automatic = provideAutomaticOptions ?? (!methodSet.Contains("OPTIONS") && (Config.GetBool("PROVIDE_AUTOMATIC_OPTIONS") ?? true));
        if (automatic)
        {
            methodSet.Add("OPTIONS");
        }

        object? identity = handler is not null ? handler : method is not null ? (method, target) : null;
        if (method is not null && ViewFunctions.TryGetValue(endpoint, out var existing) && !Equals(existing.Identity, identity))
        {
            if (isExplicit || (explicitEndpoint is null && EndpointFromMethod(method) is not null))
            {
                throw new InvalidOperationException($"View function mapping is overwriting an existing endpoint function: {endpoint}");
            }

            var n = 2;
            while (ViewFunctions.ContainsKey($"{endpoint}#{n}"))
            {
                n++;
            }

            endpoint = $"{endpoint}#{n}";
        }

        var rule = new Rule(pattern, endpoint, methodSet, ToValues(defaults), strictSlashes, mergeSlashes, subdomain, false, redirectTo, alias)
        {
            Tag = new RuleOptions { ProvideAutomaticOptions = automatic },
        };
        UrlMap.Add(rule);
        if (method is not null && !ViewFunctions.ContainsKey(endpoint))
        {
            var factory = targetFactory ?? (_ => target);
            ViewFunctions[endpoint] = new ViewFunction(endpoint, method, identity, invoke ?? HandlerBinder.Compile(method, factory, endpoint));
        }

        return this;
    }

    /// <summary>The default endpoint of a method: its name; a local function's own name; null for a lambda.</summary>
    internal static string? EndpointFromMethod(MethodInfo method)
    {
        var name = method.Name;
        if (!name.Contains('<', StringComparison.Ordinal))
        {
            return name;
        }

        var start = name.IndexOf("g__", StringComparison.Ordinal);
        var end = name.IndexOf('|', StringComparison.Ordinal);
        return start >= 0 && end > start ? name[(start + 3)..end] : null;
    }

    /// <summary>Registers a function that fills in values when building URLs (Flask's <c>url_defaults</c>).</summary>
    public FlagonApp UrlDefaults(Action<string, IDictionary<string, object?>> function)
    {
        CheckSetup("url_defaults");
        _urlDefaults.Add(function);
        return this;
    }

    /// <summary>
    /// Builds the URL of <paramref name="endpoint"/> (Flask's <c>url_for</c>): rule variables come from
    /// <paramref name="values"/> (dictionary or anonymous object; also <c>_external</c>, <c>_scheme</c>, <c>_anchor</c>,
    /// <c>_method</c>), other values go to the query string. Inside a request the URL is a path unless external;
    /// outside one it is absolute and needs <c>SERVER_NAME</c>.
    /// </summary>
    public virtual string UrlFor(string endpoint, object? values = null, string? anchor = null, string? method = null, string? scheme = null, bool? external = null)
    {
        var dict = ToValues(values) is { } v ? new Dictionary<string, object?>(v, StringComparer.Ordinal) : new Dictionary<string, object?>(StringComparer.Ordinal);
        anchor ??= Pop(dict, "_anchor") as string;
        method ??= Pop(dict, "_method") as string;
        scheme ??= Pop(dict, "_scheme") as string;
        external ??= Pop(dict, "_external") is { } e ? Convert.ToBoolean(e, System.Globalization.CultureInfo.InvariantCulture) : null;

        MapAdapter? adapter;
        var requestContext = ContextVars.Request.Value;
        if (requestContext is not null && ReferenceEquals(requestContext.App, this))
        {
            adapter = requestContext.UrlAdapter;
            if (endpoint.StartsWith('.'))
            {
                endpoint = requestContext.Request.Blueprint is { } blueprint ? blueprint + endpoint : endpoint[1..];
            }

            external ??= scheme is not null;
        }
        else
        {
            var appContext = ContextVars.App.Value;
            adapter = appContext is not null && ReferenceEquals(appContext.App, this) ? appContext.UrlAdapter : CreateUrlAdapter(null);
            if (adapter is null)
            {
                throw new InvalidOperationException("Unable to build URLs outside an active request without 'SERVER_NAME' configured. Also configure 'APPLICATION_ROOT' and 'PREFERRED_URL_SCHEME' as needed.");
            }

            external ??= true;
        }

        if (scheme is not null && external != true)
        {
            throw new ArgumentException("When specifying '_scheme', '_external' must be True.", nameof(scheme));
        }

        InjectUrlDefaults(endpoint, dict);
        string rv;
        try
        {
            rv = adapter!.Build(endpoint, dict, method, forceExternal: external == true, urlScheme: scheme);
        }
        catch (BuildError error)
        {
            return HandleUrlBuildError(error, endpoint, dict);
        }

        if (anchor is not null)
        {
            rv += "#" + Helpers.UrlQuote(anchor, "%!#$&'()*+,/:;=?@");
        }

        return rv;
    }

    /// <summary>
    /// Runs the <c>UrlDefaults</c> functions on the values of a URL being built: the app's, then those of the
    /// endpoint's blueprints from the outermost in (found from the endpoint's name, so this works outside requests).
    /// </summary>
    public virtual void InjectUrlDefaults(string endpoint, IDictionary<string, object?> values)
    {
        foreach (var function in _urlDefaults)
        {
            function(endpoint, values);
        }

        var dot = endpoint.LastIndexOf('.');
        if (dot > 0 && _blueprintScopes.Count > 0)
        {
            foreach (var scope in ScopesOf(SplitBlueprintPath(endpoint[..dot])).Reverse())
            {
                foreach (var function in scope.UrlDefaults)
                {
                    function(endpoint, values);
                }
            }
        }
    }

    /// <summary>Called when building a URL fails; rethrows the <see cref="BuildError"/> unless overridden to return a URL.</summary>
    public virtual string HandleUrlBuildError(BuildError error, string endpoint, IDictionary<string, object?> values)
        => throw error;

    /// <summary>
    /// <c>TRUSTED_HOSTS</c> as read at the first request (like the session settings): null when unset, so the check
    /// costs one null test; <see cref="TrustedHostsUnread"/> until then.
    /// </summary>
    private string[]? _trustedHosts = TrustedHostsUnread;

    private static readonly string[] TrustedHostsUnread = [];

    /// <summary>Flask 3.1's <c>TRUSTED_HOSTS</c> check: a Host not in the list is a <see cref="Exceptions.SecurityError"/> (400), which the request context stores as its routing error.</summary>
    private void CheckTrustedHost(FlagonRequest request)
    {
        var trusted = _trustedHosts;
        if (ReferenceEquals(trusted, TrustedHostsUnread))
        {
            _trustedHosts = trusted = TrustedHosts.FromConfig(Config.GetValueOrDefault("TRUSTED_HOSTS"));
        }

        if (trusted is null)
        {
            return;
        }

        // Werkzeug's get_host: the Host header without the scheme's default port.
        var host = StripDefaultPort(request.AspNetRequest.Host.Value ?? string.Empty, request.Scheme);
        if (!TrustedHosts.IsTrusted(host, trusted))
        {
            throw new Exceptions.SecurityError($"Host {Flagon.Jinja.Python.PyRepr.ReprString(host)} is not trusted.");
        }
    }

    /// <summary>
    /// Binds the URL map for a request (its host, script root and scheme; with <c>SERVER_NAME</c> set, that server name
    /// and the subdomain in front of it in the Host) or, outside a request, for
    /// <c>SERVER_NAME</c>/<c>APPLICATION_ROOT</c>/<c>PREFERRED_URL_SCHEME</c> (null without SERVER_NAME).
    /// </summary>
    public virtual MapAdapter? CreateUrlAdapter(FlagonRequest? request)
    {
        if (request is not null)
        {
            if (_trustedHosts is not null)
            {
                CheckTrustedHost(request);
            }

            if (Config.Get<string>("SERVER_NAME") is { Length: > 0 } configured)
            {
                // Werkzeug's bind_to_environ with a server name: the subdomain is what the Host has in front of it
                // (blueprint and rule subdomains match on it). A Host outside SERVER_NAME is not refused (Flask 3.1,
                // where Flask 2.2 answered 404 to everything): it matches as the default subdomain.
                var host = StripDefaultPort(request.Host.ToLowerInvariant(), request.Scheme);
                var server = StripDefaultPort(configured.ToLowerInvariant(), request.Scheme);
                var subdomain = host.EndsWith("." + server, StringComparison.Ordinal) ? host[..^(server.Length + 1)] : string.Empty;

                return UrlMap.Bind(server, request.ScriptRoot, UrlMap.DefaultSubdomain is { Length: > 0 } d ? d : subdomain, request.Scheme);
            }

            // Requests to one host share one adapter (it is immutable): no adapter and host checks per request.
            var requestHost = request.Host;
            var scriptRoot = request.ScriptRoot;
            var scheme = request.Scheme;
            var last = _lastRequestAdapter;
            if (last is not null && last.Host == requestHost && last.ScriptRoot == scriptRoot && last.Scheme == scheme && last.DefaultSubdomain == UrlMap.DefaultSubdomain)
            {
                return last.Adapter;
            }

            var adapter = UrlMap.Bind(requestHost, scriptRoot, null, scheme);
            _lastRequestAdapter = new BoundAdapter(requestHost, scriptRoot, scheme, UrlMap.DefaultSubdomain, adapter);
            return adapter;
        }

        if (Config.Get<string>("SERVER_NAME") is { Length: > 0 } serverName)
        {
            var root = Config.Get<string>("APPLICATION_ROOT") ?? "/";
            return UrlMap.Bind(serverName, root == "/" ? string.Empty : root.TrimEnd('/'), null, Config.Get<string>("PREFERRED_URL_SCHEME") ?? "http");
        }

        return null;
    }

    private sealed record BoundAdapter(string Host, string ScriptRoot, string Scheme, string DefaultSubdomain, MapAdapter Adapter);

    private static string StripDefaultPort(string host, string scheme)
        => (scheme is "http" or "ws") && host.EndsWith(":80", StringComparison.Ordinal) ? host[..^3]
        : (scheme is "https" or "wss") && host.EndsWith(":443", StringComparison.Ordinal) ? host[..^4]
        : host;

    private static object? Pop(Dictionary<string, object?> values, string key) => values.Remove(key, out var value) ? value : null;

    /// <summary>Reads a dictionary or the public properties of an object (anonymous types) as name/value pairs.</summary>
    internal static IReadOnlyDictionary<string, object?>? ToValues(object? values)
    {
        switch (values)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> ro:
                return ro;
            case IDictionary<string, object?> d:
                return new Dictionary<string, object?>(d, StringComparer.Ordinal);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            case IEnumerable<KeyValuePair<string, string>> strings:
                return strings.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
            case IDictionary plain:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in plain)
                {
                    result[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] = entry.Value;
                }

                return result;
        }

        var properties = _valueProperties.GetOrAdd(values.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray());
        return properties.ToDictionary(p => p.Name, p => p.GetValue(values), StringComparer.Ordinal);
    }
}
