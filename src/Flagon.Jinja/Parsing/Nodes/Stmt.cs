namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A statement node: writes output or changes state.</summary>
internal abstract class Stmt(int line) : Node(line)
{
}
