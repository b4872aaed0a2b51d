namespace Flagon.Jinja.Lexing;

/// <summary>The environment options that shape lexing (delimiters, whitespace handling, line prefixes).</summary>
internal sealed record LexerSettings(
    string BlockStart,
    string BlockEnd,
    string VariableStart,
    string VariableEnd,
    string CommentStart,
    string CommentEnd,
    string? LineStatementPrefix,
    string? LineCommentPrefix,
    bool TrimBlocks,
    bool LstripBlocks,
    bool KeepTrailingNewline,
    string NewlineSequence)
{
    /// <summary>Jinja2's defaults.</summary>
    public static readonly LexerSettings Default = new("{%", "%}", "{{", "}}", "{#", "#}", null, null, false, false, false, "\n");
}
