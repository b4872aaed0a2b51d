using Flagon.Blueprints;
using Flagon.Jinja.Loaders;
using Flagon.Templating;
using Flagon.Views;

namespace Flagon;

// Blueprints (Flask's register_blueprint and the per-blueprint hook dictionaries) and class-based view rules.
public partial class FlagonApp
{
    private readonly OrderedDictionary<string, Blueprint> _blueprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HookScope> _blueprintScopes = new(StringComparer.Ordinal);
    private readonly List<(string Folder, string Label)> _blueprintTemplateFolders = [];

    /// <summary>The registered blueprints by their full dotted name, in registration order (Flask's <c>app.blueprints</c>).</summary>
    public IReadOnlyDictionary<string, Blueprint> Blueprints => _blueprints;

    /// <summary>
    /// Registers <paramref name="blueprint"/> (Flask's <c>register_blueprint</c>): its routes, hooks, error handlers,
    /// templates and static files join the app. <paramref name="urlPrefix"/>, <paramref name="subdomain"/> and
    /// <paramref name="urlDefaults"/> override the blueprint's; <paramref name="name"/> registers it again under another name;
    /// <paramref name="cliGroup"/> overrides its <see cref="Blueprint.CliGroup"/>.
    /// </summary>
    public FlagonApp RegisterBlueprint(Blueprint blueprint, string? urlPrefix = null, string? name = null, string? subdomain = null, object? urlDefaults = null, string? cliGroup = null)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        CheckSetup("register_blueprint");
        blueprint.Register(this, new Blueprint.RegistrationOptions(urlPrefix, name, subdomain, ToValues(urlDefaults), string.Empty, cliGroup));
        return this;
    }

    /// <summary>
    /// Routes <paramref name="rule"/> to a class-based view (Flask's <c>add_url_rule(rule, view_func=View.as_view(name))</c>).
    /// The endpoint defaults to the view's name, the methods to the view's <see cref="View.Methods"/>.
    /// </summary>
    public FlagonApp AddUrlRule(string rule, ClassView view, string? endpoint = null, string[]? methods = null, object? defaults = null, bool? strictSlashes = null, bool? mergeSlashes = null, bool? provideAutomaticOptions = null, string? redirectTo = null, bool alias = false, string? subdomain = null)
        => AddClassViewRule(rule, endpoint ?? view?.Name ?? throw new ArgumentNullException(nameof(view)), view, methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, redirectTo, alias, subdomain);

    internal FlagonApp AddClassViewRule(string rule, string endpoint, ClassView view, string[]? methods, object? defaults, bool? strictSlashes, bool? mergeSlashes, bool? provideAutomaticOptions, string? redirectTo, bool alias, string? subdomain)
        => AddRule(rule, endpoint, view.Method, view, null, null, methods ?? view.Methods?.ToArray(), defaults, strictSlashes, mergeSlashes, provideAutomaticOptions ?? view.ProvideAutomaticOptions, redirectTo, alias, subdomain, view.Invoke, explicitEndpoint: true);

    internal List<Func<ValueTask<object?>>> BeforeRequestHooks => _beforeRequest;

    internal List<Func<Response, ValueTask<Response>>> AfterRequestHooks => _afterRequest;

    internal List<Func<Exception?, ValueTask>> TeardownRequestHooks => _teardownRequest;

    internal List<Action<string?, IDictionary<string, object?>?>> UrlValuePreprocessorHooks => _urlValuePreprocessors;

    internal List<Action<string, IDictionary<string, object?>>> UrlDefaultsHooks => _urlDefaults;

    /// <summary>The blueprints' template folders in registration order, searched after the app's (see <see cref="TemplateLoaderChain"/>).</summary>
    internal IReadOnlyList<(string Folder, string Label)> BlueprintTemplateFolders => _blueprintTemplateFolders;

    internal void AddBlueprint(string name, Blueprint blueprint) => _blueprints.Add(name, blueprint);

    internal void AddBlueprintScope(string name, HookScope scope) => _blueprintScopes[name] = scope;

    internal void AddTemplateFolder(string folder, string label)
    {
        lock (_blueprintTemplateFolders)
        {
            _blueprintTemplateFolders.Add((folder, label));
            if (Volatile.Read(ref _jinjaEnvironment)?.Loader is TemplateLoaderChain chain)
            {
                chain.Add(new FileSystemLoader(folder), label);
            }
        }
    }

    /// <summary>The scopes of <paramref name="blueprints"/> (innermost first, as <see cref="FlagonRequest.Blueprints"/> lists them) that have hooks.</summary>
    internal IEnumerable<HookScope> ScopesOf(IReadOnlyList<string> blueprints)
    {
        foreach (var name in blueprints)
        {
            if (_blueprintScopes.TryGetValue(name, out var scope))
            {
                yield return scope;
            }
        }
    }

    /// <summary>The current request's blueprint names, innermost first (empty outside a request or for app routes).</summary>
    internal static IReadOnlyList<string> CurrentBlueprints() => ContextVars.Request.Value?.Request.Blueprints ?? [];

    /// <summary>URL value preprocessors for the current request: the app's, then each blueprint's from the outermost in.</summary>
    internal IEnumerable<Action<string?, IDictionary<string, object?>?>> UrlValuePreprocessorsFor(FlagonRequest request)
        => _urlValuePreprocessors.Concat(ScopesOf(request.Blueprints).Reverse().SelectMany(s => s.UrlValuePreprocessors));

    /// <summary>Before-request hooks for the current request: the app's, then each blueprint's from the outermost in (Flask's order).</summary>
    internal IEnumerable<Func<ValueTask<object?>>> BeforeRequestHooksFor(FlagonRequest request)
        => _beforeRequest.Concat(ScopesOf(request.Blueprints).Reverse().SelectMany(s => s.BeforeRequest));

    /// <summary>After-request hooks in calling order: the innermost blueprint's first, each list last registered first, the app's last.</summary>
    internal IEnumerable<Func<Response, ValueTask<Response>>> AfterRequestHooksFor(FlagonRequest request)
        => ScopesOf(request.Blueprints).Append(null).SelectMany(s => Enumerable.Reverse(s?.AfterRequest ?? _afterRequest));

    /// <summary>Teardown-request hooks in calling order: the innermost blueprint's first, each list last registered first, the app's last.</summary>
    internal IEnumerable<Func<Exception?, ValueTask>> TeardownRequestHooksFor(IReadOnlyList<string> blueprints)
        => ScopesOf(blueprints).Append(null).SelectMany(s => Enumerable.Reverse(s?.TeardownRequest ?? _teardownRequest));

    /// <summary>Context processors for a render: the app's, then (inside a blueprint's request) each blueprint's from the outermost in.</summary>
    internal IEnumerable<Func<object?>> ContextProcessorsFor(IReadOnlyList<string> blueprints)
        => _templateContextProcessors.Concat(ScopesOf(blueprints).Reverse().SelectMany(s => s.ContextProcessors));

    /// <summary>The blueprint names of a dotted blueprint path, innermost first (<c>a.b.c</c> → <c>a.b.c</c>, <c>a.b</c>, <c>a</c>).</summary>
    internal static List<string> SplitBlueprintPath(string name)
    {
        var result = new List<string> { name };
        for (var i = name.LastIndexOf('.'); i > 0; i = name.LastIndexOf('.', i - 1))
        {
            result.Add(name[..i]);
        }

        return result;
    }
}
