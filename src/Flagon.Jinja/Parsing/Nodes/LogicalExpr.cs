namespace Flagon.Jinja.Parsing.Nodes;

/// <summary><c>and</c> / <c>or</c>, returning an operand as Python does.</summary>
internal sealed class LogicalExpr(int line, bool isAnd, Expr left, Expr right) : Expr(line)
{
    public bool IsAnd { get; } = isAnd;
    public Expr Left { get; } = left;
    public Expr Right { get; } = right;
}
