namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>from a template import names.</summary>
internal sealed class FromImportStmt(int line, Expr template, List<KeyValuePair<string, string>> names, bool withContext) : Stmt(line)
{
    public Expr Template { get; } = template;
    public List<KeyValuePair<string, string>> Names { get; } = names;
    public bool WithContext { get; } = withContext;
}
