namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>include another template.</summary>
internal sealed class IncludeStmt(int line, Expr template, bool ignoreMissing, bool withContext) : Stmt(line)
{
    public Expr Template { get; } = template;
    public bool IgnoreMissing { get; } = ignoreMissing;
    public bool WithContext { get; } = withContext;
}
