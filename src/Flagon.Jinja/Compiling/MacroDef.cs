using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>The compiled, render-independent part of a macro or call block.</summary>
internal sealed class MacroDef
{
    public required string Name { get; init; }
    public required List<string> Args { get; init; }
    public required int[] ArgSlots { get; init; }
    public required List<ExprFn> Defaults { get; init; }
    public required Scope Scope { get; init; }
    public required StmtFn Body { get; set; }
    public bool IsCaller { get; init; }
    public int CallerSlot { get; init; } = -1;
    public int KwargsSlot { get; init; } = -1;
    public int VarargsSlot { get; init; } = -1;
    public bool CatchKwargs => KwargsSlot >= 0;
    public bool CatchVarargs => VarargsSlot >= 0;

    public void ResolveFree(RenderContext rc, Frame frame) => Scope.ResolveFree(rc, frame);
}
