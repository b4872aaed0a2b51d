namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>extends: render a parent layout.</summary>
internal sealed class ExtendsStmt(int line, Expr template) : Stmt(line)
{
    public Expr Template { get; } = template;
}
