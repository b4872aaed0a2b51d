namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A for loop.</summary>
internal sealed class ForStmt(int line, Expr target, Expr iter, List<Stmt> body, List<Stmt> otherwise, Expr? test, bool recursive) : Stmt(line)
{
    public Expr Target { get; } = target;
    public Expr Iter { get; } = iter;
    public List<Stmt> Body { get; } = body;
    public List<Stmt> Otherwise { get; } = otherwise;
    public Expr? Test { get; } = test;
    public bool Recursive { get; } = recursive;

    /// <summary>The special names its body and test mention; filled by the compiler's analysis pass.</summary>
    public SpecialNames Mentions { get; set; }
}
