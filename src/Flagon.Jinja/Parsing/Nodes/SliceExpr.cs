namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A slice <c>start:stop:step</c> inside a subscript.</summary>
internal sealed class SliceExpr(int line, Expr? start, Expr? stop, Expr? step) : Expr(line)
{
    public Expr? Start { get; } = start;
    public Expr? Stop { get; } = stop;
    public Expr? Step { get; } = step;
}
