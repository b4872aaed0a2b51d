namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>The do statement: evaluate and discard.</summary>
internal sealed class ExprStmt(int line, Expr value) : Stmt(line)
{
    public Expr Value { get; } = value;
}
