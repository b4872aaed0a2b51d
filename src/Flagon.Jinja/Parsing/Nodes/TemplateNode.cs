namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>The root of a parsed template.</summary>
internal sealed class TemplateNode(int line, List<Stmt> body) : Node(line)
{
    public List<Stmt> Body { get; } = body;
}
