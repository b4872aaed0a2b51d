namespace Flagon.Jinja.Lexing;

/// <summary>One token: its kind, its text (operator text, name, decoded string), its line and, for numbers, its value.</summary>
internal readonly record struct Token(TokenType Type, string Value, int Line, object? Literal = null)
{
    /// <summary>True when this is the operator <paramref name="op"/>.</summary>
    public bool IsOp(string op) => Type == TokenType.Operator && Value == op;

    /// <summary>True when this is the name <paramref name="name"/>.</summary>
    public bool IsName(string name) => Type == TokenType.Name && Value == name;

    /// <summary>Describes the token as Jinja2 does in error messages.</summary>
    public string Describe() => Type switch
    {
        TokenType.Name => Value,
        TokenType.Operator => Value,
        _ => DescribeType(Type),
    };

    /// <summary>Describes a token type as Jinja2 does.</summary>
    public static string DescribeType(TokenType type) => type switch
    {
        TokenType.Data => "template data / text",
        TokenType.VariableBegin => "begin of print statement",
        TokenType.VariableEnd => "end of print statement",
        TokenType.BlockBegin => "begin of statement block",
        TokenType.BlockEnd => "end of statement block",
        TokenType.Eof => "end of template",
        TokenType.Name => "name",
        TokenType.String => "string",
        TokenType.Integer => "integer",
        TokenType.Float => "float",
        _ => type.ToString().ToLowerInvariant(),
    };
}
