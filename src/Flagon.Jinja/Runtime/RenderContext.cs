using System.Runtime.CompilerServices;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// The state of one template render: variables (the caller's context plus top-level assignments),
/// exported names, the block stacks of the inheritance chain, and the current output writer.
/// Never shared between renders.
/// </summary>
internal sealed class RenderContext
{
    /// <summary>The deepest nesting of macro calls, includes, imports and recursive loops.</summary>
    public const int MaxDepth = 250;

    private EvalContext? _evalOn;
    private EvalContext? _evalOff;

    public RenderContext(JinjaEnvironment env, Dictionary<string, object?> vars, RenderShared shared, TextWriter writer)
    {
        Environment = env;
        Vars = vars;
        Shared = shared;
        Writer = writer;
    }

    private RenderContext(RenderContext source, RenderShared shared, TextWriter writer)
    {
        Environment = source.Environment;
        Vars = source.Vars;
        Exported = source.Exported;
        Blocks = source.Blocks;
        Shared = shared;
        Writer = writer;
    }

    /// <summary>A context sharing this one's variables and blocks but writing elsewhere (macro calls).</summary>
    public RenderContext ForCall(RenderShared shared, TextWriter writer) => new(this, shared, writer);

    public JinjaEnvironment Environment { get; }

    public Dictionary<string, object?> Vars { get; }

    public List<string> Exported { get; } = new();

    public Dictionary<string, List<BlockDef>> Blocks { get; } = new(StringComparer.Ordinal);

    public RenderShared Shared { get; }

    public TextWriter Writer { get; set; }

    public EvalContext Eval(bool autoescape) => autoescape
        ? _evalOn ??= new EvalContext(Environment, true, this)
        : _evalOff ??= new EvalContext(Environment, false, this);

    public object? Resolve(string name)
    {
        if (Vars.TryGetValue(name, out var v) || Environment.GlobalsInternal.TryGetValue(name, out v))
        {
            return v;
        }
        return Undefined.Create(Environment.Undefined, name: name);
    }

    public void Export(string name, object? value)
    {
        Vars[name] = value;
        if (!name.StartsWith('_') && !Exported.Contains(name))
        {
            Exported.Add(name);
        }
    }

    public void AddBlocks(IReadOnlyDictionary<string, BlockDef> blocks)
    {
        foreach (var (name, block) in blocks)
        {
            if (!Blocks.TryGetValue(name, out var list))
            {
                Blocks[name] = list = new List<BlockDef>();
            }
            list.Add(block);
        }
    }

    /// <summary>Enters a nested render step (macro call, include, recursive loop), guarding the stack.</summary>
    public void Enter()
    {
        if (++Shared.Depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Shared.Depth--;
            throw new TemplateRuntimeError("maximum recursion depth exceeded while rendering (recursive macro, loop or include?)");
        }
        Shared.CancellationToken.ThrowIfCancellationRequested();
    }

    public void Leave() => Shared.Depth--;

    /// <summary>Renders <paramref name="body"/> into a string with the writer swapped.</summary>
    public string Capture(Action body)
    {
        var old = Writer;
        var sw = new StringWriter();
        Writer = sw;
        try
        {
            body();
        }
        finally
        {
            Writer = old;
        }
        return sw.ToString();
    }
}

/// <summary>State shared by every context of one render (recursion depth, cancellation).</summary>
internal sealed class RenderShared
{
    public int Depth;

    public CancellationToken CancellationToken;

    /// <summary>Sandboxed renders only: the delegates the application passed as top-level variables (callable by the template).</summary>
    public HashSet<Delegate>? RegisteredCallables;
}
