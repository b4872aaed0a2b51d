namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>if / elif / else.</summary>
internal sealed class IfStmt(int line, Expr test, List<Stmt> body, List<IfStmt> elifs, List<Stmt> otherwise) : Stmt(line)
{
    public Expr Test { get; } = test;
    public List<Stmt> Body { get; } = body;
    public List<IfStmt> Elifs { get; } = elifs;
    public List<Stmt> Otherwise { get; set; } = otherwise;
}
