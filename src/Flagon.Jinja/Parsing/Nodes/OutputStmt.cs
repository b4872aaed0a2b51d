namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>Template data and <c>{{ }}</c> expressions to write.</summary>
internal sealed class OutputStmt(int line, Expr[] parts) : Stmt(line)
{
    public Expr[] Parts { get; } = parts;
}
