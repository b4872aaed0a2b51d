namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>An arithmetic operator: + - * / // % **.</summary>
internal sealed class BinaryExpr(int line, string op, Expr left, Expr right) : Expr(line)
{
    public string Op { get; } = op;
    public Expr Left { get; } = left;
    public Expr Right { get; } = right;
}
