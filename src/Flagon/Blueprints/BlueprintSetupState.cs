using Flagon.Views;

namespace Flagon.Blueprints;

/// <summary>
/// One registration of a blueprint on an app (Flask's <c>BlueprintSetupState</c>): what the deferred setup
/// functions (<see cref="Blueprint.Record"/>) receive. Its <c>AddUrlRule</c> applies the registration's
/// URL prefix, subdomain, URL defaults and endpoint prefix.
/// </summary>
public sealed class BlueprintSetupState
{
    internal BlueprintSetupState(Blueprint blueprint, FlagonApp app, string name, string namePrefix, string? urlPrefix, string? subdomain, IReadOnlyDictionary<string, object?> urlDefaults, bool firstRegistration)
    {
        Blueprint = blueprint;
        App = app;
        Name = name;
        NamePrefix = namePrefix;
        UrlPrefix = urlPrefix;
        Subdomain = subdomain;
        UrlDefaults = urlDefaults;
        FirstRegistration = firstRegistration;
    }

    /// <summary>The blueprint being registered.</summary>
    public Blueprint Blueprint { get; }

    /// <summary>The app it is registered on.</summary>
    public FlagonApp App { get; }

    /// <summary>The name of this registration (the blueprint's own, or the <c>name:</c> given when registering).</summary>
    public string Name { get; }

    /// <summary>The dotted name of the parent blueprints ("" at the top level).</summary>
    public string NamePrefix { get; }

    /// <summary>The full dotted name endpoints are prefixed with (<c>parent.child</c>).</summary>
    public string FullName => NamePrefix.Length == 0 ? Name : NamePrefix + "." + Name;

    /// <summary>The URL prefix of this registration, or null.</summary>
    public string? UrlPrefix { get; }

    /// <summary>The subdomain the blueprint's routes match, or null.</summary>
    public string? Subdomain { get; }

    /// <summary>Defaults added to every rule of this registration (the blueprint's <c>urlDefaults</c> merged with the registration's).</summary>
    public IReadOnlyDictionary<string, object?> UrlDefaults { get; }

    /// <summary>True when this is the first time the blueprint object is registered on this app (for <see cref="Blueprint.RecordOnce"/>).</summary>
    public bool FirstRegistration { get; }

    /// <summary>
    /// Adds a rule to the app with this registration's URL prefix, subdomain and defaults; the endpoint (given, or the
    /// handler's name, or for a lambda the rule) is prefixed with <see cref="FullName"/>.
    /// </summary>
    public void AddUrlRule(string rule, string? endpoint = null, Delegate? handler = null, string[]? methods = null, object? defaults = null, bool? strictSlashes = null, bool? mergeSlashes = null, bool? provideAutomaticOptions = null, string? redirectTo = null, bool alias = false, string? subdomain = null)
    {
        var (name, isExplicit) = LocalEndpoint(rule, endpoint, handler is null ? null : FlagonApp.EndpointFromMethod(handler.Method));
        App.AddRule(PrefixRule(rule), Prefix(name), handler?.Method, handler?.Target, handler, null, methods, MergeDefaults(defaults), strictSlashes, mergeSlashes, provideAutomaticOptions, redirectTo, alias, subdomain ?? Subdomain, explicitEndpoint: isExplicit);
    }

    /// <summary>Adds a rule for a class-based view (see <see cref="View.AsView{T}"/>); the endpoint defaults to the view's name.</summary>
    public void AddUrlRule(string rule, ClassView view, string? endpoint = null, string[]? methods = null, object? defaults = null, bool? strictSlashes = null, bool? mergeSlashes = null, bool? provideAutomaticOptions = null, string? redirectTo = null, bool alias = false, string? subdomain = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (name, _) = LocalEndpoint(rule, endpoint ?? view.Name, null);
        App.AddClassViewRule(PrefixRule(rule), Prefix(name), view, methods, MergeDefaults(defaults), strictSlashes, mergeSlashes, provideAutomaticOptions, redirectTo, alias, subdomain ?? Subdomain);
    }

    internal void AddRegisteredRule(string rule, string endpoint, System.Reflection.MethodInfo method, object? target, Func<FlagonRequest, object?> targetFactory, string[]? methods)
    {
        Blueprint.CheckEndpointName(endpoint);
        App.AddRule(PrefixRule(rule), Prefix(endpoint), method, target, null, targetFactory, methods, MergeDefaults(null), null, null, null, null, false, Subdomain);
    }

    private (string Name, bool Explicit) LocalEndpoint(string rule, string? endpoint, string? methodName)
    {
        if (endpoint is not null)
        {
            Blueprint.CheckEndpointName(endpoint);
            return (endpoint, true);
        }

        if (methodName is not null)
        {
            if (methodName.Contains('.', StringComparison.Ordinal))
            {
                throw new ArgumentException("'view_func' name may not contain a dot '.' character.");
            }

            return (methodName, true);
        }

        if (rule.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A lambda's endpoint is its rule, and blueprint endpoints may not contain a dot '.' character: give the rule '{rule}' an endpoint.");
        }

        return (rule, false);
    }

    private string Prefix(string endpoint) => FullName + "." + endpoint;

    private string PrefixRule(string rule)
    {
        if (UrlPrefix is null)
        {
            return rule;
        }

        return rule.Length > 0 ? UrlPrefix.TrimEnd('/') + "/" + rule.TrimStart('/') : UrlPrefix;
    }

    private Dictionary<string, object?>? MergeDefaults(object? defaults)
    {
        var own = FlagonApp.ToValues(defaults);
        if (UrlDefaults.Count == 0 && own is null)
        {
            return null;
        }

        var merged = new Dictionary<string, object?>(UrlDefaults, StringComparer.Ordinal);
        foreach (var (key, value) in own ?? new Dictionary<string, object?>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
