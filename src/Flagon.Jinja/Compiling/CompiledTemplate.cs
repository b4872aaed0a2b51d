using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>A template compiled to delegates: the root body and the blocks it defines.</summary>
internal sealed class CompiledTemplate
{
    public required string? Name { get; init; }
    public required Scope RootScope { get; init; }
    public required StmtFn Root { get; set; }
    public required Dictionary<string, BlockDef> Blocks { get; init; }

    /// <summary>
    /// Runs the root body, then the parent layout if an <c>extends</c> ran. Each parent counts as one
    /// nested step, so a template that extends itself (directly or through a cycle) is a
    /// <see cref="TemplateRuntimeError"/>, as Jinja2's RecursionError, not a stack overflow.
    /// </summary>
    public void RenderRoot(RenderContext rc)
    {
        var frame = RootScope.NewFrame(null);
        frame.Slots[0] = null;
        RootScope.ResolveFree(rc, frame);
        Root(rc, frame);
        if (frame.Slots[0] is Template parent)
        {
            rc.Enter();
            try
            {
                parent.Compiled.RenderRoot(rc);
            }
            finally
            {
                rc.Leave();
            }
        }
    }
}
