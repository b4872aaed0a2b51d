namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A call block: the body becomes <c>caller</c>.</summary>
internal sealed class CallBlockStmt(int line, CallExpr call, List<string> args, List<Expr> defaults, List<Stmt> body) : Stmt(line)
{
    public CallExpr Call { get; } = call;
    public List<string> Args { get; } = args;
    public List<Expr> Defaults { get; } = defaults;
    public List<Stmt> Body { get; } = body;

    /// <summary>The special names its body mention; filled by the compiler's analysis pass.</summary>
    public SpecialNames Mentions { get; set; }
}
