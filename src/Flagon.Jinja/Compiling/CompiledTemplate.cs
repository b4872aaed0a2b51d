using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>A template compiled to delegates: the root body and the blocks it defines.</summary>
internal sealed class CompiledTemplate
{
    public required string? Name { get; init; }
    public required Scope RootScope { get; init; }
    public required StmtFn Root { get; set; }
    public required Dictionary<string, BlockDef> Blocks { get; init; }

    /// <summary>Runs the root body, then the parent layout if an <c>extends</c> ran.</summary>
    public void RenderRoot(RenderContext rc)
    {
        var frame = RootScope.NewFrame(null);
        frame.Slots[0] = null;
        RootScope.ResolveFree(rc, frame);
        Root(rc, frame);
        if (frame.Slots[0] is Template parent)
        {
            parent.Compiled.RenderRoot(rc);
        }
    }
}
