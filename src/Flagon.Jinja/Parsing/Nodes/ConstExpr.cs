namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>A literal value.</summary>
internal sealed class ConstExpr(int line, object? value) : Expr(line)
{
    public object? Value { get; } = value;
}
