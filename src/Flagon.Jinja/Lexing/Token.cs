using System.Runtime.CompilerServices;

namespace Flagon.Jinja.Lexing;

/// <summary>
/// One token: its kind, its text (operator text, name, decoded string), its line and, for numbers, its
/// value. Sixteen bytes: the text and a number's value share one field (a number keeps both in a
/// <see cref="NumberText"/>), so the token list of a template stays small.
/// </summary>
internal readonly struct Token
{
    private readonly object _payload;

    /// <summary>A token; <paramref name="literal"/> is a number token's value.</summary>
    public Token(TokenType type, string value, int line, object? literal = null)
    {
        Type = type;
        Line = line;
        _payload = literal is null ? value : new NumberText(value, literal);
    }

    /// <summary>The kind of token.</summary>
    public TokenType Type { get; }

    /// <summary>The 1-based line it starts on.</summary>
    public int Line { get; }

    /// <summary>Operator text, name, decoded string, data text, or a number as written.</summary>
    public string Value => _payload as string ?? ((NumberText)_payload).Text;

    /// <summary>A number token's value (<c>long</c>, <c>BigInteger</c> or <c>double</c>); null otherwise.</summary>
    public object? Literal => (_payload as NumberText)?.Value;

    /// <summary>True when this is the operator <paramref name="op"/>.</summary>
    public bool IsOp(string op) => Type == TokenType.Operator && SameText((string)_payload, op);

    /// <summary>True when this is the name <paramref name="name"/>.</summary>
    public bool IsName(string name) => Type == TokenType.Name && SameText((string)_payload, name);

    /// <summary>
    /// Ordinal equality for the parser's many token tests, most of which fail: the lexer hands out the
    /// same string objects as the parser's literals (operators and keywords), and a mismatch is usually
    /// decided by the length or the first character without a call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameText(string text, string expected)
        => (object)text == expected
            || (text.Length == expected.Length && text.Length > 0 && text[0] == expected[0] && string.Equals(text, expected));

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

    /// <summary>A number token's text and value.</summary>
    private sealed class NumberText(string text, object value)
    {
        public string Text { get; } = text;

        public object Value { get; } = value;
    }
}
