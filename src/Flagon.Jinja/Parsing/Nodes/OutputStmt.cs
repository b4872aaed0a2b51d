namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>Template data and <c>{{ }}</c> expressions to write.</summary>
internal sealed class OutputStmt(int line, List<Expr> parts) : Stmt(line)
{
    public List<Expr> Parts { get; } = parts;
}
