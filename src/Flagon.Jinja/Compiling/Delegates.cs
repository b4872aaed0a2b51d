using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>A compiled expression: evaluates against the render context and the current frame.</summary>
internal delegate object? ExprFn(RenderContext rc, Frame f);

/// <summary>A compiled statement: writes to the render context's writer; the result drives loop controls.</summary>
internal delegate Flow StmtFn(RenderContext rc, Frame f);

/// <summary>How a statement finished.</summary>
internal enum Flow : byte
{
    Normal,
    Break,
    Continue,
}
