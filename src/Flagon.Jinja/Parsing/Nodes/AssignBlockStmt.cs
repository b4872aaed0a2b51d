namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>Block set: the rendered body is the value.</summary>
internal sealed class AssignBlockStmt(int line, Expr target, FilterExpr? filter, List<Stmt> body) : Stmt(line)
{
    public Expr Target { get; } = target;
    public FilterExpr? Filter { get; } = filter;
    public List<Stmt> Body { get; } = body;
}
