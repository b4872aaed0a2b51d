using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;
using Flagon.Jinja;
using Flagon.Jinja.Loaders;
using Flagon.Jinja.Runtime;
using Flagon.Signals;
using Microsoft.Extensions.Logging;

namespace Flagon.Templating;

/// <summary>
/// Flask's templating glue (<c>flask.templating</c>): the app's Jinja environment with Flask's globals and
/// autoescaping, the template context (context processors), and rendering to a string or a streamed response.
/// <see cref="Globals.RenderTemplate"/> and friends call into here.
/// </summary>
public static class FlagonTemplating
{
    /// <summary>The file extensions Flask autoescapes (its <c>select_jinja_autoescape</c>).</summary>
    public static readonly IReadOnlyList<string> AutoescapeExtensions = [".html", ".htm", ".xml", ".xhtml", ".svg"];

    // The largest page (in characters) whose buffer a thread keeps for its next render.
    private const int ReusedWriterCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringWriter? t_writer;

    /// <summary>Characters per chunk written to the response by <see cref="StreamTemplate"/>.</summary>
    public const int StreamChunkSize = 4096;

    /// <summary>
    /// Builds the environment Flask's <c>create_jinja_environment</c> builds: the loader chain (app templates first;
    /// blueprints append), autoescape by <see cref="FlagonApp.SelectJinjaAutoescape"/>, auto-reload from
    /// <c>TEMPLATES_AUTO_RELOAD</c> or <c>DEBUG</c>, lookups explained to the app's logger with
    /// <c>EXPLAIN_TEMPLATE_LOADING</c>, and the globals <c>url_for</c>, <c>get_flashed_messages</c>,
    /// <c>config</c>, <c>request</c>, <c>session</c>, <c>g</c>.
    /// </summary>
    public static JinjaEnvironment CreateEnvironment(FlagonApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var chain = new TemplateLoaderChain(app.TemplateFolder is { } folder ? new FileSystemLoader(folder) : null)
        {
            Explain = () => app.Config.GetBool("EXPLAIN_TEMPLATE_LOADING") == true,
            Log = message => app.Logger.LogInformation("{Explanation}", message),
        };
        foreach (var (blueprintFolder, label) in app.BlueprintTemplateFolders)
        {
            chain.Add(new FileSystemLoader(blueprintFolder), label);
        }

        var env = new JinjaEnvironment
        {
            Loader = chain,
            AutoescapeSelector = app.SelectJinjaAutoescape,
            AutoReload = AutoReload(app),
        };
        env.Globals["url_for"] = UrlForFunction;
        env.Globals["get_flashed_messages"] = GetFlashedMessagesFunction;
        env.Globals["config"] = TemplateMapping.Of("config", app.Config);
        env.Globals["request"] = Request;
        env.Globals["session"] = Session;
        env.Globals["g"] = G;
        return env;
    }

    /// <summary>Flask's <c>url_for</c> in templates: <c>url_for('show', id=3, _external=True, _anchor='x')</c>.</summary>
    public static readonly JinjaFunction UrlForFunction = JinjaFunction.Raw("url_for", (_, args, kwargs) =>
    {
        if (args.Length != 1 || args[0] is not (string or Markup))
        {
            throw new ArgumentException("url_for() takes the endpoint as its only positional argument; values go in keyword arguments.");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in kwargs ?? [])
        {
            values[key] = value;
        }

        return Globals.CurrentApp.UrlFor(args[0]!.ToString()!, values);
    });

    /// <summary>Flask's <c>get_flashed_messages(with_categories=false, category_filter=[])</c> in templates.</summary>
    public static readonly JinjaFunction GetFlashedMessagesFunction = JinjaFunction.Raw("get_flashed_messages", (_, args, kwargs) =>
    {
        object? withCategories = args.Length > 0 ? args[0] : null;
        object? categoryFilter = args.Length > 1 ? args[1] : null;
        foreach (var (key, value) in kwargs ?? [])
        {
            switch (key)
            {
                case "with_categories":
                    withCategories = value;
                    break;
                case "category_filter":
                    categoryFilter = value;
                    break;
                default:
                    throw new ArgumentException($"get_flashed_messages() got an unexpected keyword argument '{key}'");
            }
        }

        return Globals.GetFlashedMessages(TemplateValues.Truthy(withCategories), TemplateValues.Strings(categoryFilter).ToList()).ToList();
    });

    /// <summary>The live <c>request</c> proxy.</summary>
    public static readonly TemplateRequest Request = new();

    /// <summary>The live <c>session</c> proxy.</summary>
    public static readonly TemplateMapping Session = TemplateMapping.LiveSession();

    /// <summary>The live <c>g</c> proxy.</summary>
    public static readonly TemplateMapping G = TemplateMapping.LiveG();

    /// <summary>Flask's <c>templates_auto_reload</c>: <c>TEMPLATES_AUTO_RELOAD</c>, or <c>DEBUG</c> when that is unset.</summary>
    public static bool AutoReload(FlagonApp app) => app.Config.GetBool("TEMPLATES_AUTO_RELOAD") ?? app.Debug;

    /// <summary>
    /// Flask's <c>update_template_context</c>: <c>g</c>, <c>request</c> and <c>session</c> (when their contexts are
    /// active), then each context processor's result (the app's, then the current blueprints' from the outermost in,
    /// each in registration order), then the caller's values, which win.
    /// </summary>
    public static Dictionary<string, object?> BuildContext(FlagonApp app, object? context)
    {
        ArgumentNullException.ThrowIfNull(app);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Globals.HasAppContext)
        {
            result["g"] = G;
        }

        if (Globals.HasRequestContext)
        {
            result["request"] = Request;
            result["session"] = Session;
        }

        var blueprints = Globals.HasRequestContext && ReferenceEquals(Globals.Request.App, app) ? Globals.Request.Blueprints : [];
        if (blueprints.Count == 0)
        {
            var processors = app.TemplateContextProcessors;
            for (var i = 0; i < processors.Count; i++)
            {
                TemplateValues.CopyInto(result, processors[i]());
            }
        }
        else
        {
            foreach (var processor in app.ContextProcessorsFor(blueprints))
            {
                TemplateValues.CopyInto(result, processor());
            }
        }

        TemplateValues.CopyInto(result, context);
        return result;
    }

    /// <summary>Renders the template <paramref name="name"/> from the app's loaders (Flask's <c>render_template</c>).</summary>
    public static string RenderTemplate(FlagonApp app, string name, object? context = null)
        => Render(app, PrepareEnvironment(app).GetTemplate(name), context);

    /// <summary>Renders the first existing template of <paramref name="names"/> (Flask's list form of <c>render_template</c>).</summary>
    public static string RenderTemplate(FlagonApp app, IEnumerable<string> names, object? context = null)
        => Render(app, PrepareEnvironment(app).SelectTemplate(names), context);

    /// <summary>Renders template source text, autoescaped as Flask does (<c>render_template_string</c>).</summary>
    public static string RenderTemplateString(FlagonApp app, string source, object? context = null)
        => Render(app, PrepareEnvironment(app).FromString(source), context);

    /// <summary>
    /// A response whose body is the template rendered as it is written (Flask's <c>stream_template</c>): the
    /// template is loaded now (so a missing template or syntax error is a normal error), rendered while the
    /// response body is sent, in chunks of <see cref="StreamChunkSize"/> characters.
    /// </summary>
    public static Response StreamTemplate(FlagonApp app, string name, object? context = null)
        => Stream(app, PrepareEnvironment(app).GetTemplate(name), context);

    /// <summary>Streams template source text (Flask's <c>stream_template_string</c>).</summary>
    public static Response StreamTemplateString(FlagonApp app, string source, object? context = null)
        => Stream(app, PrepareEnvironment(app).FromString(source), context);

    /// <summary>Renders a loaded template with Flask's context and fires the two template events around it.</summary>
    public static string Render(FlagonApp app, Template template, object? context)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(template);

        // The events get (and may change) the context as a dictionary. When nobody listens, the engine reads the same
        // entries in the same order straight from the sources (it copies them into its own context anyway): no
        // dictionary is built only to be copied.
        Dictionary<string, object?>? ctx = null;
        if (FlagonSignals.BeforeRenderTemplate.HasReceivers || FlagonSignals.TemplateRendered.HasReceivers)
        {
            ctx = BuildContext(app, context);
            app.OnBeforeRenderTemplate(template, ctx);
        }

        // Into this thread's reusable writer (a render nested in a render makes its own): the page costs one string.
        var writer = t_writer ?? new StringWriter(new StringBuilder(1024), CultureInfo.InvariantCulture);
        t_writer = null;
        string rv;
        try
        {
            template.Render(writer, ctx ?? ContextPairs(app, context));
            rv = writer.ToString();
        }
        finally
        {
            var builder = writer.GetStringBuilder();
            if (builder.Capacity <= ReusedWriterCapacity)
            {
                builder.Clear();
                t_writer = writer;
            }
        }

        if (ctx is not null)
        {
            app.OnTemplateRendered(template, ctx);
        }

        return rv;
    }

    /// <summary>
    /// The entries of <see cref="BuildContext"/>'s dictionary, in the order it sets them (later keys win when copied):
    /// read lazily, when the engine copies them into its render context.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, object?>> ContextPairs(FlagonApp app, object? context)
    {
        if (Globals.HasAppContext)
        {
            yield return new("g", G);
        }

        if (Globals.HasRequestContext)
        {
            yield return new("request", Request);
            yield return new("session", Session);
        }

        var blueprints = Globals.HasRequestContext && ReferenceEquals(Globals.Request.App, app) ? Globals.Request.Blueprints : [];
        if (blueprints.Count == 0)
        {
            var processors = app.TemplateContextProcessors;
            for (var i = 0; i < processors.Count; i++)
            {
                foreach (var pair in TemplateValues.Pairs(processors[i]()))
                {
                    yield return pair;
                }
            }
        }
        else
        {
            foreach (var processor in app.ContextProcessorsFor(blueprints))
            {
                foreach (var pair in TemplateValues.Pairs(processor()))
                {
                    yield return pair;
                }
            }
        }

        if (TemplateValues.PropertiesOrNull(context) is { } properties)
        {
            // The usual context, an anonymous object: its properties without another enumerator.
            foreach (var property in properties)
            {
                yield return new(property.Name, property.GetValue(context));
            }
        }
        else
        {
            foreach (var pair in TemplateValues.Pairs(context))
            {
                yield return pair;
            }
        }
    }

    /// <summary>Streams a loaded template with Flask's context (see <see cref="StreamTemplate"/>).</summary>
    public static Response Stream(FlagonApp app, Template template, object? context)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(template);
        var ctx = BuildContext(app, context);
        app.OnBeforeRenderTemplate(template, ctx);
        return new Response(Generate(writer =>
        {
            template.Render(writer, ctx);
            writer.Flush();
            app.OnTemplateRendered(template, ctx);
        }));
    }

    private static JinjaEnvironment PrepareEnvironment(FlagonApp app)
    {
        var env = app.JinjaEnvironment;
        var reload = AutoReload(app);
        if (env.AutoReload != reload)
        {
            env.AutoReload = reload;
        }

        return env;
    }

    private static async IAsyncEnumerable<string> Generate(Action<TextWriter> render, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;

        // The render runs on its own task (the context locals flow with it) and blocks when the channel is full.
        var producer = Task.Run(
            () =>
            {
                try
                {
                    using var writer = new ChannelTextWriter(channel.Writer, StreamChunkSize, cts.Token);
                    render(writer);
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(cts.Token).ConfigureAwait(false))
            {
                yield return chunk;
            }

            await producer.ConfigureAwait(false);
            if (failure is not null && !(failure is OperationCanceledException && cts.IsCancellationRequested))
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }
}
