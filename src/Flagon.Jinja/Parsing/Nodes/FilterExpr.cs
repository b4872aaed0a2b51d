namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A filter application; the target is null inside filter blocks and block sets.</summary>
internal sealed class FilterExpr(int line, Expr? target, string name, CallArgs args) : Expr(line)
{
    public Expr? Target { get; set; } = target;
    public string Name { get; } = name;
    public CallArgs Args { get; } = args;
}
