namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>An expression node: evaluates to a value.</summary>
internal abstract class Expr(int line) : Node(line)
{
}
