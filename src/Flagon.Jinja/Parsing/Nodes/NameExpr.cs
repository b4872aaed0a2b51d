namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A variable reference (load or store).</summary>
internal sealed class NameExpr(int line, string name) : Expr(line)
{
    public string Name { get; } = name;
}
