namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>Boolean negation.</summary>
internal sealed class NotExpr(int line, Expr operand) : Expr(line)
{
    public Expr Operand { get; } = operand;
}
