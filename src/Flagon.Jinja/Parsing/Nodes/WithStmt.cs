namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A with block (new scope).</summary>
internal sealed class WithStmt(int line, List<Expr> targets, List<Expr> values, List<Stmt> body) : Stmt(line)
{
    public List<Expr> Targets { get; } = targets;
    public List<Expr> Values { get; } = values;
    public List<Stmt> Body { get; } = body;
}
