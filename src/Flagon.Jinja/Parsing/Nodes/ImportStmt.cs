namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>import a template as a module.</summary>
internal sealed class ImportStmt(int line, Expr template, string target, bool withContext) : Stmt(line)
{
    public Expr Template { get; } = template;
    public string Target { get; } = target;
    public bool WithContext { get; } = withContext;
}
