namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>Static template text inside an output statement.</summary>
internal sealed class DataExpr(int line, string text) : Expr(line)
{
    public string Text { get; } = text;
}
