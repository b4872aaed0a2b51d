namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>Unary minus or plus.</summary>
internal sealed class UnaryExpr(int line, string op, Expr operand) : Expr(line)
{
    public string Op { get; } = op;
    public Expr Operand { get; } = operand;
}
