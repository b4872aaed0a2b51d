namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A named, overridable block.</summary>
internal sealed class BlockStmt(int line, string name, bool scoped, bool required, List<Stmt> body) : Stmt(line)
{
    public string Name { get; } = name;
    public bool Scoped { get; } = scoped;
    public bool Required { get; } = required;
    public List<Stmt> Body { get; } = body;
}
