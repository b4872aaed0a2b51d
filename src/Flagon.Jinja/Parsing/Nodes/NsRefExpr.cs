namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>An assignment target <c>ns.attr</c> (namespace attribute).</summary>
internal sealed class NsRefExpr(int line, string name, string attr) : Expr(line)
{
    public string Name { get; } = name;
    public string Attr { get; } = attr;
}
