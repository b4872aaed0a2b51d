namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>The inline <c>a if b else c</c> expression (else may be missing).</summary>
internal sealed class CondExpr(int line, Expr test, Expr then, Expr? otherwise) : Expr(line)
{
    public Expr Test { get; } = test;
    public Expr Then { get; } = then;
    public Expr? Otherwise { get; } = otherwise;
}
