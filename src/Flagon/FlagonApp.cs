using System.Reflection;
using Flagon.Cli;
using Flagon.Json;
using Flagon.Routing;
using Flagon.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionOptions = Flagon.Sessions.SessionOptions;

namespace Flagon;

/// <summary>
/// Flask's <c>Flask</c> application object on ASP.NET Core: routes with Werkzeug's rules, hooks, error
/// handlers, config, DI and logging. Kestrel serves it through one terminal middleware that runs Flagon's
/// pipeline; every step of that pipeline is a virtual method, the same seams Flask offers for subclassing.
/// </summary>
public partial class FlagonApp : IDisposable, IAsyncDisposable
{
    private WebApplication? _web;
    private bool _pipelineSealed;
    private volatile bool _gotFirstRequest;
    private ILogger? _logger;
    private SessionOptions? _sessionOptions;

    /// <summary>
    /// Creates the application. <paramref name="args"/> are the command line (see <see cref="Run()"/>);
    /// folders default to <c>static/</c>, <c>templates/</c> and <c>instance/</c> under the content root. With
    /// <paramref name="instanceRelativeConfig"/>, config files load from the instance folder (Flask's <c>instance_relative_config</c>).
    /// Hosting starts from ASP.NET Core's defaults (<c>WebApplication.CreateBuilder</c>: appsettings, console logging,
    /// host filtering); pass your own builder to the other constructor to choose differently.
    /// </summary>
    public FlagonApp(string[]? args = null, string? name = null, string? rootPath = null, string? staticFolder = "static", string? staticUrlPath = null, string? templateFolder = "templates", string? instancePath = null, bool instanceRelativeConfig = false)
        : this(CreateDefaultBuilder(name, rootPath), args, name, staticFolder, staticUrlPath, templateFolder, instancePath, instanceRelativeConfig)
    {
    }

    /// <summary>
    /// Creates the application on a host builder the caller made, for full control over hosting: for example
    /// <c>WebApplication.CreateSlimBuilder(...)</c> with <c>builder.Logging.ClearProviders()</c> for the leanest
    /// per-request path (no host filtering, no hosting activity or logging scope per request), or a builder with
    /// other configuration sources. The content root (<see cref="RootPath"/>) and the default name come from the
    /// builder's environment; the other parameters are those of <see cref="FlagonApp(string[], string, string, string, string, string, string, bool)"/>.
    /// </summary>
    public FlagonApp(WebApplicationBuilder builder, string[]? args = null, string? name = null, string? staticFolder = "static", string? staticUrlPath = null, string? templateFolder = "templates", string? instancePath = null, bool instanceRelativeConfig = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Args = args ?? [];
        Builder = builder;
        Name = name ?? Builder.Environment.ApplicationName ?? "flagon";
        RootPath = Path.GetFullPath(Builder.Environment.ContentRootPath);
        StaticFolder = staticFolder is null ? null : Path.GetFullPath(Path.Combine(RootPath, staticFolder));
        StaticUrlPath = staticFolder is null ? null : (staticUrlPath ?? "/" + Path.GetFileName(StaticFolder!.TrimEnd('/'))).TrimEnd('/');
        TemplateFolder = templateFolder is null ? null : Path.GetFullPath(Path.Combine(RootPath, templateFolder));
        InstancePath = instancePath ?? Path.Combine(RootPath, "instance");
        if (!Path.IsPathRooted(InstancePath))
        {
            throw new ArgumentException("If an instance path is provided it must be absolute.", nameof(instancePath));
        }

        Config = new FlagonConfig(instanceRelativeConfig ? InstancePath : RootPath);
        if (Environment.GetEnvironmentVariable("FLAGON_DEBUG") is { Length: > 0 } debug)
        {
            Config["DEBUG"] = debug is not ("0" or "false" or "False" or "no");
        }

        Json = new DefaultJsonProvider(this);
        Cli = new FlagonCli(this);
        if (StaticUrlPath is not null)
        {
            AddUrlRule(StaticUrlPath + "/<path:filename>", "static", (Func<string, Response>)SendStaticFile);
        }
    }

    private static WebApplicationBuilder CreateDefaultBuilder(string? name, string? rootPath) => WebApplication.CreateBuilder(new WebApplicationOptions
    {
        ApplicationName = name ?? Assembly.GetEntryAssembly()?.GetName().Name,
        ContentRootPath = rootPath,
    });

    /// <summary>The command-line arguments given to the constructor.</summary>
    public string[] Args { get; }

    /// <summary>The application's name (the entry assembly's by default); also the logger's category.</summary>
    public string Name { get; }

    /// <summary>The content root: relative paths (files, static, templates, config) resolve against it.</summary>
    public string RootPath { get; }

    /// <summary>The absolute static folder, or null when the app has none.</summary>
    public string? StaticFolder { get; }

    /// <summary>The URL prefix of the static route ("/static"), or null.</summary>
    public string? StaticUrlPath { get; }

    /// <summary>The absolute templates folder (used once templates are wired in).</summary>
    public string? TemplateFolder { get; }

    /// <summary>The instance folder (<c>instance/</c> under the root): per-deployment files; not created automatically.</summary>
    public string InstancePath { get; }

    /// <summary>Opens a file under the instance folder (Flask's <c>open_instance_resource</c>); <paramref name="mode"/> defaults to reading.</summary>
    public FileStream OpenInstanceResource(string resource, FileMode mode = FileMode.Open, FileAccess access = FileAccess.Read)
        => new(Path.Combine(InstancePath, resource), mode, access);

    /// <summary>Opens a file under the root path for reading (Flask's <c>open_resource</c>).</summary>
    public FileStream OpenResource(string resource) => File.OpenRead(Path.Combine(RootPath, resource));

    /// <summary>The configuration, with Flask's defaults.</summary>
    public FlagonConfig Config { get; }

    /// <summary>ASP.NET Core's builder, to configure hosting, configuration and logging before the first request.</summary>
    public WebApplicationBuilder Builder { get; }

    /// <summary>The DI registrations (register before the app starts handling requests).</summary>
    public IServiceCollection Services => Builder.Services;

    /// <summary>The ASP.NET Core application (built on first use): add middleware here with <c>app.Web.Use…</c>.</summary>
    public WebApplication Web => _web ??= Builder.Build();

    /// <summary>The built service provider.</summary>
    public IServiceProvider ServiceProvider => Web.Services;

    /// <summary>The logger named after the app (Flask's <c>app.logger</c>).</summary>
    public ILogger Logger => _logger ??= ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(Name);

    /// <summary>The JSON provider (Flask's <c>app.json</c>); replace it to change serialization everywhere.</summary>
    public IJsonProvider Json { get; set; }

    /// <summary>The URL map: Werkzeug's rules and converters.</summary>
    public UrlMap UrlMap { get; } = new();

    /// <summary>The handlers by endpoint (Flask's <c>view_functions</c>).</summary>
    public Dictionary<string, ViewFunction> ViewFunctions { get; } = new(StringComparer.Ordinal);

    /// <summary>How sessions are opened and saved (Flask's <c>session_interface</c>): signed cookies in Flask's format by default.</summary>
    public ISessionInterface SessionInterface { get; set; } = new SecureCookieSessionInterface();

    /// <summary>
    /// The session settings (cookie name, secret key, lifetime…), read from <see cref="Config"/> when the first request
    /// arrives; override to supply them another way.
    /// </summary>
    public virtual SessionOptions GetSessionOptions() => _sessionOptions ??= SessionOptions.FromConfig(Config);

    /// <summary>Per-extension state (Flask's <c>app.extensions</c>).</summary>
    public Dictionary<string, object?> Extensions { get; } = new(StringComparer.Ordinal);

    /// <summary>The app's command line (Flask's <c>app.cli</c>): <c>run</c>, <c>routes</c> and custom commands.</summary>
    public FlagonCli Cli { get; }

    /// <summary>The <c>DEBUG</c> config key.</summary>
    public bool Debug
    {
        get => Config.GetBool("DEBUG") ?? false;
        set => Config["DEBUG"] = value;
    }

    /// <summary>The <c>TESTING</c> config key: exceptions propagate to the test instead of becoming 500s.</summary>
    public bool Testing
    {
        get => Config.GetBool("TESTING") ?? false;
        set => Config["TESTING"] = value;
    }

    /// <summary>The <c>SECRET_KEY</c> config key.</summary>
    public string? SecretKey
    {
        get => Config.Get<string>("SECRET_KEY");
        set => Config["SECRET_KEY"] = value;
    }

    /// <summary>True once the app handled a request; setup methods then refuse to run, as Flask's do.</summary>
    public bool GotFirstRequest => _gotFirstRequest;

    /// <summary>Pushes an application context (for commands, tests, startup code): <c>using (app.AppContext()) { … }</c>.</summary>
    public ApplicationContext AppContext()
    {
        var ctx = new ApplicationContext(this);
        ctx.Push();
        return ctx;
    }

    /// <summary>
    /// The app's command line with <see cref="Args"/>: no arguments serves on http://127.0.0.1:5000;
    /// <c>run [--host] [--port] [--debug]</c>, <c>routes</c> and custom commands. Returns the exit code.
    /// </summary>
    public int Run() => Cli.Invoke(Args);

    /// <summary>Serves the app with Kestrel on <paramref name="host"/>:<paramref name="port"/> (127.0.0.1:5000 by default) until stopped.</summary>
    public void Serve(string? host = null, int? port = null, bool? debug = null)
    {
        if (debug is bool d)
        {
            Debug = d;
        }

        host ??= "127.0.0.1";
        port ??= 5000;
        var web = SealPipeline();
        var hostText = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        Console.WriteLine($" * Serving Flagon app '{Name}'");
        Console.WriteLine($" * Debug mode: {(Debug ? "on" : "off")}");
        Console.WriteLine($" * Running on http://{hostText}:{port}");
        web.Run($"http://{hostText}:{port}");
    }

    /// <summary>Adds Flagon's pipeline as the terminal middleware (once) and returns the ASP.NET Core app.</summary>
    internal WebApplication SealPipeline()
    {
        var web = Web;
        if (!_pipelineSealed)
        {
            _pipelineSealed = true;
            if (Debug)
            {
                web.UseDeveloperExceptionPage();
            }

            web.Run(HandleRequestAsync);
        }

        return web;
    }

    /// <summary>The request pipeline (user middleware plus Flagon's terminal), for in-memory servers such as the test client.</summary>
    internal RequestDelegate BuildRequestDelegate() => ((IApplicationBuilder)SealPipeline()).Build();

    /// <summary>Max-age for files sent by <c>SendFile</c> (Flask's <c>get_send_file_max_age</c>): <c>SEND_FILE_MAX_AGE_DEFAULT</c>, null meaning no-cache.</summary>
    public virtual int? GetSendFileMaxAge(string? fileName)
    {
        return Config.TryGetValue("SEND_FILE_MAX_AGE_DEFAULT", out var value) ? value switch
        {
            null => null,
            TimeSpan span => (int)span.TotalSeconds,
            _ => Config.Get<int?>("SEND_FILE_MAX_AGE_DEFAULT"),
        }
        : null;
    }

    /// <summary>The view behind the <c>static</c> endpoint (Flask's <c>send_static_file</c>).</summary>
    public virtual Response SendStaticFile(string filename)
    {
        if (StaticFolder is null)
        {
            throw new InvalidOperationException("'static_folder' must be set to serve static_files.");
        }

        return Globals.SendFromDirectory(StaticFolder, filename, maxAge: GetSendFileMaxAge(filename));
    }

    /// <summary>Flask's <c>app.redirect</c>: the redirect response used by <c>Globals.Redirect</c>.</summary>
    public virtual Response Redirect(string location, int code = 302) => Helpers.RedirectResponse(location, code);

    /// <summary>Disposes the ASP.NET Core application (or, if it was never built, the builder's configuration and its file watchers).</summary>
    public void Dispose()
    {
        if (_web is not null)
        {
            ((IDisposable)_web).Dispose();
        }
        else
        {
            Builder.Configuration.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
        else
        {
            Builder.Configuration.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private void CheckSetup(string method)
    {
        if (_gotFirstRequest)
        {
            throw new InvalidOperationException($"The setup method '{method}' can no longer be called on the application. It has already handled its first request, any changes will not be applied consistently.\nMake sure all imports, decorators, functions, etc. needed to set up the application are done before running it.");
        }
    }
}
