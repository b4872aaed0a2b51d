namespace Flagon.Jinja.Lexing;

/// <summary>The kinds of tokens the lexer produces.</summary>
internal enum TokenType
{
    Data,
    VariableBegin,
    VariableEnd,
    BlockBegin,
    BlockEnd,
    Name,
    String,
    Integer,
    Float,
    Operator,
    Eof,
}
