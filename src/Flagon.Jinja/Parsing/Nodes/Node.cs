namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>The base of every syntax-tree node: it knows its source line.</summary>
internal abstract class Node(int line)
{
    /// <summary>The 1-based line the node starts on.</summary>
    public int Line { get; } = line;
}
