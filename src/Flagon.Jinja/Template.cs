using System.Threading.Channels;
using Flagon.Jinja.Compiling;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja;

/// <summary>A compiled template, ready to render any number of times (thread-safe).</summary>
public sealed class Template
{
    private readonly Func<bool>? _upToDate;
    private TemplateModule? _module;

    internal Template(JinjaEnvironment environment, CompiledTemplate compiled, string? name, string? fileName, Func<bool>? upToDate)
    {
        Environment = environment;
        Compiled = compiled;
        Name = name;
        FileName = fileName;
        _upToDate = upToDate;
    }

    /// <summary>The environment the template belongs to.</summary>
    public JinjaEnvironment Environment { get; }

    /// <summary>The name it was loaded by (null for <see cref="JinjaEnvironment.FromString"/>).</summary>
    public string? Name { get; }

    /// <summary>The file it was read from, when it came from the file system.</summary>
    public string? FileName { get; }

    internal CompiledTemplate Compiled { get; }

    /// <summary>False when the loader reports the source changed since compilation.</summary>
    public bool IsUpToDate() => _upToDate?.Invoke() ?? true;

    /// <summary>
    /// Renders with a context: a dictionary, a <see cref="PyDict"/>, a JSON element, or any object
    /// whose public properties become variables.
    /// </summary>
    public string Render(object? context = null)
    {
        var sw = new StringWriter();
        Render(sw, context);
        return sw.ToString();
    }

    /// <summary>Renders into a writer.</summary>
    public void Render(TextWriter writer, object? context) => RenderCore(writer, context, CancellationToken.None);

    /// <summary>
    /// Renders into a writer asynchronously: the template runs on a pool thread while this method
    /// awaits the writer's <c>WriteAsync</c> for each chunk of output (about 16K characters) as it is
    /// produced, then <c>FlushAsync</c>. At most a few chunks are buffered (the render waits for a slow
    /// writer). Cancelling <paramref name="cancellationToken"/> stops the render and the writes.
    /// </summary>
    public async Task RenderAsync(TextWriter writer, object? context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        cancellationToken.ThrowIfCancellationRequested();
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(4)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var render = Task.Run(() =>
        {
            try
            {
                using var chunks = new ChunkChannelWriter(channel.Writer, stop.Token);
                RenderCore(chunks, context, stop.Token);
                chunks.Flush();
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);
        try
        {
            await foreach (string chunk in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await writer.WriteAsync(chunk.AsMemory(), stop.Token).ConfigureAwait(false);
            }
        }
        catch
        {
            // The writer failed or the caller cancelled: stop the render, then report the first failure.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await render.ConfigureAwait(false);
            }
            catch (Exception) when (!render.IsCompletedSuccessfully)
            {
                // the render's own failure (usually the cancellation) is secondary here
            }
            throw;
        }
        await render.ConfigureAwait(false); // a template error surfaces here, as Render would throw it
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private void RenderCore(TextWriter writer, object? context, CancellationToken ct)
    {
        Ops.EnsureInitialized();
        var vars = ObjectAdapter.ToContext(context);
        var rc = new RenderContext(Environment, vars, new RenderShared { CancellationToken = ct }, writer);
        rc.AddBlocks(Compiled.Blocks);
        try
        {
            Compiled.RenderRoot(rc);
        }
        catch (TemplateError e)
        {
            e.TemplateName ??= Name;
            throw;
        }
    }

    /// <summary>The module of this template rendered without context (cached, as Jinja2 does).</summary>
    internal TemplateModule GetModule(RenderShared shared) => _module ??= MakeModule(new Dictionary<string, object?>(StringComparer.Ordinal), shared);

    internal TemplateModule MakeModule(Dictionary<string, object?> vars, RenderShared shared)
    {
        var sw = new StringWriter();
        var rc = new RenderContext(Environment, vars, shared, sw);
        rc.AddBlocks(Compiled.Blocks);
        Compiled.RenderRoot(rc);
        var exports = new PyDict();
        foreach (var name in rc.Exported)
        {
            exports[name] = rc.Vars[name];
        }
        return new TemplateModule(Name, exports, sw.ToString());
    }
}
