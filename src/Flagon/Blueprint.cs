using System.Reflection;
using Flagon.Blueprints;
using Flagon.Exceptions;
using Flagon.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon;

/// <summary>
/// Flask's <c>Blueprint</c>: a group of routes, hooks, error handlers, templates and static files that is
/// registered on an app (once, or several times under different names, prefixes or subdomains). Everything
/// recorded on a blueprint is applied when it is registered; endpoints are prefixed with its name
/// (<c>auth.login</c>), and <c>UrlFor(".login")</c> inside one of its requests is relative to it.
/// </summary>
public class Blueprint
{
    private readonly List<Action<BlueprintSetupState>> _deferred = [];
    private readonly List<(Blueprint Child, RegistrationOptions Options)> _children = [];
    private bool _registered;

    /// <summary>
    /// The <c>cliGroup</c> that puts a blueprint's commands at the top level of the app's command line (Flask's
    /// <c>cli_group=None</c>); the default, null, groups them under the blueprint's registered name.
    /// </summary>
    public const string CliTopLevel = "";

    /// <summary>
    /// Creates a blueprint. <paramref name="name"/> prefixes its endpoints (no dots); the folders are relative to
    /// <paramref name="rootPath"/>, or to the app's root when that is null; <paramref name="urlDefaults"/> (a
    /// dictionary or anonymous object) are default values for every route; <paramref name="cliGroup"/> names the
    /// group of its commands (null: its registered name; <see cref="CliTopLevel"/>: no group).
    /// </summary>
    public Blueprint(string name, string? urlPrefix = null, string? subdomain = null, object? urlDefaults = null, string? staticFolder = null, string? staticUrlPath = null, string? templateFolder = null, string? rootPath = null, string? cliGroup = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new ArgumentException("'name' may not be empty.", nameof(name));
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("'name' may not contain a dot '.' character.", nameof(name));
        }

        Name = name;
        UrlPrefix = urlPrefix;
        Subdomain = subdomain;
        UrlValuesDefaults = FlagonApp.ToValues(urlDefaults) is { } d ? new Dictionary<string, object?>(d, StringComparer.Ordinal) : new Dictionary<string, object?>(StringComparer.Ordinal);
        StaticFolder = staticFolder;
        TemplateFolder = templateFolder;
        RootPath = rootPath is null ? null : Path.GetFullPath(rootPath);
        CliGroup = cliGroup;
        Cli = new BlueprintCli(this);
        if (staticUrlPath is not null)
        {
            StaticUrlPath = staticUrlPath.TrimEnd('/');
        }
        else if (staticFolder is not null)
        {
            StaticUrlPath = ("/" + Path.GetFileName(staticFolder.TrimEnd('/', '\\'))).TrimEnd('/');
        }
    }

    /// <summary>The blueprint's name: the prefix of its endpoints, unless registered under another name.</summary>
    public string Name { get; }

    /// <summary>The URL prefix of its routes (overridable when registering), or null.</summary>
    public string? UrlPrefix { get; }

    /// <summary>The subdomain its routes match (overridable when registering; needs <c>SERVER_NAME</c>), or null.</summary>
    public string? Subdomain { get; }

    /// <summary>Default values added to every route of the blueprint (Flask's <c>url_defaults</c> argument).</summary>
    public IReadOnlyDictionary<string, object?> UrlValuesDefaults { get; }

    /// <summary>The static folder as given (relative to the root path), or null when the blueprint has none.</summary>
    public string? StaticFolder { get; }

    /// <summary>The URL path of the static route, under the URL prefix (<c>/static</c> from a folder named <c>static</c>).</summary>
    public string? StaticUrlPath { get; }

    /// <summary>The templates folder as given (relative to the root path), or null; searched after the app's templates.</summary>
    public string? TemplateFolder { get; }

    /// <summary>The folder the static and template folders are relative to; null means the app's root.</summary>
    public string? RootPath { get; }

    /// <summary>
    /// The command group of its commands: null for the blueprint's registered name (Flask's default), <see cref="CliTopLevel"/>
    /// for none (Flask's <c>cli_group=None</c>), or another group name; <c>RegisterBlueprint(cliGroup:)</c> overrides it.
    /// </summary>
    public string? CliGroup { get; }

    /// <summary>The blueprint's commands (Flask's <c>bp.cli</c>), added to the app's command line when it is registered.</summary>
    public BlueprintCli Cli { get; }

    /// <summary>
    /// Opens a file relative to the blueprint's root path for reading (Flask's <c>open_resource</c>); without a root path,
    /// relative to the current app's root.
    /// </summary>
    public FileStream OpenResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var root = RootPath
            ?? (Globals.HasAppContext ? Globals.CurrentApp.RootPath : throw new InvalidOperationException($"The blueprint '{Name}' has no root path: pass 'rootPath:' to its constructor, or open the resource inside an application context."));
        return File.OpenRead(Path.Combine(root, resource));
    }

    /// <summary>True when the blueprint serves static files (endpoint <c>name.static</c>).</summary>
    public bool HasStaticFolder => StaticFolder is not null;

    internal HookScope Scope { get; } = new();

    /// <summary>
    /// Registers a function called with the setup state each time the blueprint is registered (Flask's <c>record</c>):
    /// the hook extensions use to configure the app from a blueprint.
    /// </summary>
    public Blueprint Record(Action<BlueprintSetupState> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        CheckSetup("record");
        _deferred.Add(function);
        return this;
    }

    /// <summary>Like <see cref="Record"/>, but only called the first time the blueprint is registered on an app (Flask's <c>record_once</c>).</summary>
    public Blueprint RecordOnce(Action<BlueprintSetupState> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Record(state =>
        {
            if (state.FirstRegistration)
            {
                function(state);
            }
        });
    }

    /// <summary>Routes <paramref name="rule"/> (under the URL prefix) to <paramref name="handler"/>; the endpoint is prefixed with the blueprint's name.</summary>
    public Blueprint Route(string rule, Delegate handler, string[]? methods = null, string? endpoint = null, object? defaults = null, bool? strictSlashes = null, bool? mergeSlashes = null, bool? provideAutomaticOptions = null, string? redirectTo = null, bool alias = false, string? subdomain = null)
        => AddUrlRule(rule, endpoint, handler, methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, redirectTo, alias, subdomain);

    /// <summary>Routes GET (and HEAD) requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public Blueprint Get(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["GET"], endpoint, defaults, strictSlashes);

    /// <summary>Routes POST requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public Blueprint Post(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["POST"], endpoint, defaults, strictSlashes);

    /// <summary>Routes PUT requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public Blueprint Put(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["PUT"], endpoint, defaults, strictSlashes);

    /// <summary>Routes DELETE requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public Blueprint Delete(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["DELETE"], endpoint, defaults, strictSlashes);

    /// <summary>Routes PATCH requests for <paramref name="rule"/> to <paramref name="handler"/>.</summary>
    public Blueprint Patch(string rule, Delegate handler, string? endpoint = null, object? defaults = null, bool? strictSlashes = null)
        => Route(rule, handler, ["PATCH"], endpoint, defaults, strictSlashes);

    /// <summary>Flask's <c>Blueprint.add_url_rule</c>: recorded now, added to the app (prefixed) when the blueprint is registered.</summary>
    public Blueprint AddUrlRule(string rule, string? endpoint = null, Delegate? handler = null, string[]? methods = null, object? defaults = null, bool? strictSlashes = null, bool? mergeSlashes = null, bool? provideAutomaticOptions = null, string? redirectTo = null, bool alias = false, string? subdomain = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (endpoint is not null)
        {
            CheckEndpointName(endpoint);
        }

        if (handler is not null && FlagonApp.EndpointFromMethod(handler.Method) is { } n && n.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("'view_func' name may not contain a dot '.' character.", nameof(handler));
        }

        return Record(state => state.AddUrlRule(rule, endpoint, handler, methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, redirectTo, alias, subdomain));
    }

    /// <summary>Adds a rule for a class-based view (see <see cref="View.AsView{T}"/>); the endpoint defaults to the view's name.</summary>
    public Blueprint AddUrlRule(string rule, ClassView view, string? endpoint = null, string[]? methods = null, object? defaults = null, bool? strictSlashes = null, bool? mergeSlashes = null, bool? provideAutomaticOptions = null, string? redirectTo = null, bool alias = false, string? subdomain = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        CheckEndpointName(endpoint ?? view.Name);
        return Record(state => state.AddUrlRule(rule, view, endpoint, methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, redirectTo, alias, subdomain));
    }

    /// <summary>Registers every <see cref="RouteAttribute"/> method of <typeparamref name="T"/> (instance methods on a per-request instance from DI).</summary>
    public Blueprint Register<T>()
        where T : class
    {
        var type = typeof(T);
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            foreach (var route in method.GetCustomAttributes<RouteAttribute>())
            {
                var endpoint = route.Endpoint ?? method.Name;
                CheckEndpointName(endpoint);
                var m = method;
                Record(state => state.AddRegisteredRule(route.Rule, endpoint, m, null, r => ActivatorUtilities.GetServiceOrCreateInstance(r.HttpContext.RequestServices, type), route.Methods));
            }
        }

        return this;
    }

    /// <summary>
    /// Nests <paramref name="blueprint"/> in this one: its name becomes <c>this.child</c>, its URL prefix is joined to
    /// this one's, and this blueprint's hooks and error handlers also apply to its requests. <paramref name="cliGroup"/>
    /// overrides the child's <see cref="CliGroup"/>.
    /// </summary>
    public Blueprint RegisterBlueprint(Blueprint blueprint, string? urlPrefix = null, string? name = null, string? subdomain = null, object? urlDefaults = null, string? cliGroup = null)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        if (ReferenceEquals(blueprint, this))
        {
            throw new ArgumentException("Cannot register a blueprint on itself", nameof(blueprint));
        }

        CheckSetup("register_blueprint");
        _children.Add((blueprint, new RegistrationOptions(urlPrefix, name, subdomain, FlagonApp.ToValues(urlDefaults), string.Empty, cliGroup)));
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> before each request to this blueprint; a non-null result becomes the response.</summary>
    public Blueprint BeforeRequest(Func<object?> hook) => AddScoped("before_request", s => s.BeforeRequest.Add(HookAdapters.Before(hook)));

    /// <summary>Runs <paramref name="hook"/> before each request to this blueprint.</summary>
    public Blueprint BeforeRequest(Action hook) => AddScoped("before_request", s => s.BeforeRequest.Add(HookAdapters.Before(hook)));

    /// <summary>Async form of <see cref="BeforeRequest(Func{object?})"/>.</summary>
    public Blueprint BeforeRequestAsync(Func<Task<object?>> hook) => AddScoped("before_request", s => s.BeforeRequest.Add(HookAdapters.Before(hook)));

    /// <summary>Async form of <see cref="BeforeRequest(Action)"/>.</summary>
    public Blueprint BeforeRequestAsync(Func<Task> hook) => AddScoped("before_request", s => s.BeforeRequest.Add(HookAdapters.Before(hook)));

    /// <summary>Runs <paramref name="hook"/> on every response of this blueprint's requests (before the app's after-request hooks).</summary>
    public Blueprint AfterRequest(Func<Response, Response> hook) => AddScoped("after_request", s => s.AfterRequest.Add(HookAdapters.After(hook)));

    /// <summary>Async form of <see cref="AfterRequest"/>.</summary>
    public Blueprint AfterRequestAsync(Func<Response, Task<Response>> hook) => AddScoped("after_request", s => s.AfterRequest.Add(HookAdapters.After(hook)));

    /// <summary>Runs <paramref name="hook"/> when a request to this blueprint ends, with the unhandled exception or null.</summary>
    public Blueprint TeardownRequest(Action<Exception?> hook) => AddScoped("teardown_request", s => s.TeardownRequest.Add(HookAdapters.Teardown(hook)));

    /// <summary>Async form of <see cref="TeardownRequest"/>.</summary>
    public Blueprint TeardownRequestAsync(Func<Exception?, Task> hook) => AddScoped("teardown_request", s => s.TeardownRequest.Add(HookAdapters.Teardown(hook)));

    /// <summary>Sees (and may change) the view arguments of requests to this blueprint before its before-request hooks.</summary>
    public Blueprint UrlValuePreprocessor(Action<string?, IDictionary<string, object?>?> function) => AddScoped("url_value_preprocessor", s => s.UrlValuePreprocessors.Add(function));

    /// <summary>Fills in values when building URLs for this blueprint's endpoints.</summary>
    public Blueprint UrlDefaults(Action<string, IDictionary<string, object?>> function) => AddScoped("url_defaults", s => s.UrlDefaults.Add(function));

    /// <summary>A context processor for templates rendered during this blueprint's requests.</summary>
    public Blueprint ContextProcessor(Func<object?> processor) => AddScoped("context_processor", s => s.ContextProcessors.Add(processor));

    /// <summary>Handles the HTTP error <paramref name="code"/> raised by this blueprint's views (routing 404s happen before a blueprint is known).</summary>
    public Blueprint ErrorHandler(int code, Func<HttpException, object?> handler)
        => AddScoped("errorhandler", s => s.AddErrorHandler(code, HookAdapters.TypeFor(code), HookAdapters.Error(handler)));

    /// <summary>Async form of <see cref="ErrorHandler(int, Func{HttpException, object?})"/>.</summary>
    public Blueprint ErrorHandlerAsync(int code, Func<HttpException, Task<object?>> handler)
        => AddScoped("errorhandler", s => s.AddErrorHandler(code, HookAdapters.TypeFor(code), HookAdapters.Error(handler)));

    /// <summary>Handles exceptions of type <typeparamref name="TException"/> raised by this blueprint's views.</summary>
    public Blueprint ErrorHandler<TException>(Func<TException, object?> handler)
        where TException : Exception
        => AddScoped("errorhandler", s => s.AddErrorHandler(HttpExceptions.CodeOf(typeof(TException)), typeof(TException), HookAdapters.Error(handler)));

    /// <summary>Async form of <see cref="ErrorHandler{TException}(Func{TException, object?})"/>.</summary>
    public Blueprint ErrorHandlerAsync<TException>(Func<TException, Task<object?>> handler)
        where TException : Exception
        => AddScoped("errorhandler", s => s.AddErrorHandler(HttpExceptions.CodeOf(typeof(TException)), typeof(TException), HookAdapters.Error(handler)));

    /// <summary>Runs <paramref name="hook"/> before every request of the app (Flask's <c>before_app_request</c>).</summary>
    public Blueprint BeforeAppRequest(Func<object?> hook) => AddAppWide("before_app_request", a => a.BeforeRequestHooks.Add(HookAdapters.Before(hook)));

    /// <summary>Runs <paramref name="hook"/> before every request of the app.</summary>
    public Blueprint BeforeAppRequest(Action hook) => AddAppWide("before_app_request", a => a.BeforeRequestHooks.Add(HookAdapters.Before(hook)));

    /// <summary>Async form of <see cref="BeforeAppRequest(Func{object?})"/>.</summary>
    public Blueprint BeforeAppRequestAsync(Func<Task<object?>> hook) => AddAppWide("before_app_request", a => a.BeforeRequestHooks.Add(HookAdapters.Before(hook)));

    /// <summary>Async form of <see cref="BeforeAppRequest(Action)"/>.</summary>
    public Blueprint BeforeAppRequestAsync(Func<Task> hook) => AddAppWide("before_app_request", a => a.BeforeRequestHooks.Add(HookAdapters.Before(hook)));

    /// <summary>Runs <paramref name="hook"/> on every response of the app (Flask's <c>after_app_request</c>).</summary>
    public Blueprint AfterAppRequest(Func<Response, Response> hook) => AddAppWide("after_app_request", a => a.AfterRequestHooks.Add(HookAdapters.After(hook)));

    /// <summary>Async form of <see cref="AfterAppRequest"/>.</summary>
    public Blueprint AfterAppRequestAsync(Func<Response, Task<Response>> hook) => AddAppWide("after_app_request", a => a.AfterRequestHooks.Add(HookAdapters.After(hook)));

    /// <summary>Runs <paramref name="hook"/> when any request of the app ends (Flask's <c>teardown_app_request</c>).</summary>
    public Blueprint TeardownAppRequest(Action<Exception?> hook) => AddAppWide("teardown_app_request", a => a.TeardownRequestHooks.Add(HookAdapters.Teardown(hook)));

    /// <summary>Async form of <see cref="TeardownAppRequest"/>.</summary>
    public Blueprint TeardownAppRequestAsync(Func<Exception?, Task> hook) => AddAppWide("teardown_app_request", a => a.TeardownRequestHooks.Add(HookAdapters.Teardown(hook)));

    /// <summary>An app-wide URL value preprocessor (Flask's <c>app_url_value_preprocessor</c>).</summary>
    public Blueprint AppUrlValuePreprocessor(Action<string?, IDictionary<string, object?>?> function) => AddAppWide("app_url_value_preprocessor", a => a.UrlValuePreprocessorHooks.Add(function));

    /// <summary>An app-wide URL defaults function (Flask's <c>app_url_defaults</c>).</summary>
    public Blueprint AppUrlDefaults(Action<string, IDictionary<string, object?>> function) => AddAppWide("app_url_defaults", a => a.UrlDefaultsHooks.Add(function));

    /// <summary>An app-wide template context processor (Flask's <c>app_context_processor</c>).</summary>
    public Blueprint AppContextProcessor(Func<object?> processor) => AddAppWide("app_context_processor", a => a.ContextProcessor(processor));

    /// <summary>Handles the HTTP error <paramref name="code"/> for the whole app (Flask's <c>app_errorhandler</c>).</summary>
    public Blueprint AppErrorHandler(int code, Func<HttpException, object?> handler) => AddAppWide("app_errorhandler", a => a.ErrorHandler(code, handler));

    /// <summary>Async form of <see cref="AppErrorHandler(int, Func{HttpException, object?})"/>.</summary>
    public Blueprint AppErrorHandlerAsync(int code, Func<HttpException, Task<object?>> handler) => AddAppWide("app_errorhandler", a => a.ErrorHandlerAsync(code, handler));

    /// <summary>Handles exceptions of type <typeparamref name="TException"/> for the whole app.</summary>
    public Blueprint AppErrorHandler<TException>(Func<TException, object?> handler)
        where TException : Exception
        => AddAppWide("app_errorhandler", a => a.ErrorHandler(handler));

    /// <summary>Async form of <see cref="AppErrorHandler{TException}(Func{TException, object?})"/>.</summary>
    public Blueprint AppErrorHandlerAsync<TException>(Func<TException, Task<object?>> handler)
        where TException : Exception
        => AddAppWide("app_errorhandler", a => a.ErrorHandlerAsync(handler));

    /// <summary>Registers a template filter on the app when the blueprint is registered (Flask's <c>app_template_filter</c>).</summary>
    public Blueprint AppTemplateFilter(string name, Delegate filter) => AddAppWide("app_template_filter", a => a.TemplateFilter(name, filter));

    /// <summary>Registers a template test on the app when the blueprint is registered (Flask's <c>app_template_test</c>).</summary>
    public Blueprint AppTemplateTest(string name, Delegate test) => AddAppWide("app_template_test", a => a.TemplateTest(name, test));

    /// <summary>Registers a template global on the app when the blueprint is registered (Flask's <c>app_template_global</c>).</summary>
    public Blueprint AppTemplateGlobal(string name, object? value) => AddAppWide("app_template_global", a => a.TemplateGlobal(name, value));

    /// <summary>The view behind the <c>name.static</c> endpoint: a file from the blueprint's static folder.</summary>
    public virtual Response SendStaticFile(string filename)
    {
        if (StaticFolder is null)
        {
            throw new InvalidOperationException("'static_folder' must be set to serve static_files.");
        }

        var app = Globals.CurrentApp;
        return Globals.SendFromDirectory(ResolveFolder(StaticFolder, app), filename, maxAge: app.GetSendFileMaxAge(filename));
    }

    /// <summary>The absolute path of a folder of this blueprint for <paramref name="app"/>.</summary>
    internal string ResolveFolder(string folder, FlagonApp app) => Path.GetFullPath(Path.Combine(RootPath ?? app.RootPath, folder));

    internal static void CheckEndpointName(string endpoint)
    {
        if (endpoint.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("'endpoint' may not contain a dot '.' character.", nameof(endpoint));
        }
    }

    /// <summary>Flask's <c>Blueprint.register</c>: records the name on the app, adds the routes and scopes, then registers the nested blueprints.</summary>
    internal void Register(FlagonApp app, RegistrationOptions options)
    {
        var selfName = options.Name ?? Name;
        if (selfName.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("'name' may not contain a dot '.' character.");
        }

        var name = (options.NamePrefix + "." + selfName).TrimStart('.');
        if (app.Blueprints.TryGetValue(name, out var existing))
        {
            var description = ReferenceEquals(existing, this) ? "this" : "a different";
            var existingAt = selfName != name ? $" '{name}'" : string.Empty;
            throw new ArgumentException($"The name '{selfName}' is already registered for {description} blueprint{existingAt}. Use 'name:' to provide a unique name.");
        }

        var firstRegistration = !app.Blueprints.Values.Any(bp => ReferenceEquals(bp, this));
        app.AddBlueprint(name, this);
        _registered = true;

        var urlDefaults = new Dictionary<string, object?>(UrlValuesDefaults, StringComparer.Ordinal);
        foreach (var (key, value) in options.UrlDefaults ?? new Dictionary<string, object?>())
        {
            urlDefaults[key] = value;
        }

        var state = new BlueprintSetupState(this, app, selfName, options.NamePrefix, options.UrlPrefix ?? UrlPrefix, options.Subdomain ?? Subdomain, urlDefaults, firstRegistration);
        if (HasStaticFolder)
        {
            state.AddUrlRule(StaticUrlPath + "/<path:filename>", "static", (Func<string, Response>)SendStaticFile);
        }

        app.AddBlueprintScope(name, Scope);
        if (firstRegistration && TemplateFolder is not null)
        {
            app.AddTemplateFolder(ResolveFolder(TemplateFolder, app), $"blueprint '{name}'");
        }

        foreach (var deferred in _deferred)
        {
            deferred(state);
        }

        if (Cli.Specs.Count > 0)
        {
            // Flask: commands go under a group named after the registered (dotted) name, the given group, or the top level.
            var group = options.CliGroup ?? CliGroup;
            app.Cli.AddBlueprintCommands(group is null ? name : group.Length == 0 ? null : group, Cli.Specs);
        }

        foreach (var (child, childOptions) in _children)
        {
            var childPrefix = childOptions.UrlPrefix ?? child.UrlPrefix;
            if (state.UrlPrefix is not null && childPrefix is not null)
            {
                childPrefix = state.UrlPrefix.TrimEnd('/') + "/" + childPrefix.TrimStart('/');
            }
            else
            {
                childPrefix ??= state.UrlPrefix;
            }

            child.Register(app, childOptions with { UrlPrefix = childPrefix, NamePrefix = name });
        }
    }

    internal void CheckSetup(string method)
    {
        if (_registered)
        {
            throw new InvalidOperationException($"The setup method '{method}' can no longer be called on the blueprint '{Name}'. It has already been registered at least once, any changes will not be applied consistently.\nMake sure all imports, decorators, functions, etc. needed to set up the blueprint are done before registering it.");
        }
    }

    private Blueprint AddScoped(string method, Action<HookScope> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        CheckSetup(method);
        add(Scope);
        return this;
    }

    private Blueprint AddAppWide(string method, Action<FlagonApp> add)
    {
        CheckSetup(method);
        return RecordOnce(state => add(state.App));
    }

    /// <summary>The options of one registration (Flask's <c>register_blueprint(**options)</c>).</summary>
    internal sealed record RegistrationOptions(string? UrlPrefix, string? Name, string? Subdomain, IReadOnlyDictionary<string, object?>? UrlDefaults, string NamePrefix, string? CliGroup = null);
}
