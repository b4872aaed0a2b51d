namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A filter block: the rendered body goes through a filter chain.</summary>
internal sealed class FilterBlockStmt(int line, FilterExpr filter, List<Stmt> body) : Stmt(line)
{
    public FilterExpr Filter { get; } = filter;
    public List<Stmt> Body { get; } = body;
}
