namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A macro definition.</summary>
internal sealed class MacroStmt(int line, string name, List<string> args, List<Expr> defaults, List<Stmt> body) : Stmt(line)
{
    public string Name { get; } = name;
    public List<string> Args { get; } = args;
    public List<Expr> Defaults { get; } = defaults;
    public List<Stmt> Body { get; } = body;

    /// <summary>The special names its body mention; filled by the compiler's analysis pass.</summary>
    public SpecialNames Mentions { get; set; }
}
