namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>An autoescape block (a scope with its own escaping mode).</summary>
internal sealed class AutoescapeStmt(int line, Expr value, List<Stmt> body) : Stmt(line)
{
    public Expr Value { get; } = value;
    public List<Stmt> Body { get; } = body;
}
