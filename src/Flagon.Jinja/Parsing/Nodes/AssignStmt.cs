namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>set name = value.</summary>
internal sealed class AssignStmt(int line, Expr target, Expr value) : Stmt(line)
{
    public Expr Target { get; } = target;
    public Expr Value { get; } = value;
}
