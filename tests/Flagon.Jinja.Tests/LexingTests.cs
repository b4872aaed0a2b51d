using Flagon.Jinja.Lexing;

namespace Flagon.Jinja.Tests;

public class LexingTests
{
    private static List<Token> Lex(string source, LexerSettings? settings = null) => Lexer.Tokenize(source, settings ?? LexerSettings.Default);

    [Fact]
    public void SplitsDataAndTags()
    {
        var tokens = Lex("a {{ x }} b");
        Assert.Equal(
            [TokenType.Data, TokenType.VariableBegin, TokenType.Name, TokenType.VariableEnd, TokenType.Data, TokenType.Eof],
            tokens.Select(t => t.Type));
        Assert.Equal("a ", tokens[0].Value);
        Assert.Equal("x", tokens[2].Value);
    }

    [Fact]
    public void ReadsNumbersLikePython()
    {
        var tokens = Lex("{{ 1_000 0x1F 0b101 1e3 2.5 99999999999999999999 }}");
        var literals = tokens.Where(t => t.Type is TokenType.Integer or TokenType.Float).Select(t => t.Literal).ToList();
        Assert.Equal(1000L, literals[0]);
        Assert.Equal(31L, literals[1]);
        Assert.Equal(5L, literals[2]);
        Assert.Equal(1000.0, literals[3]);
        Assert.Equal(2.5, literals[4]);
        Assert.Equal(System.Numerics.BigInteger.Parse("99999999999999999999"), literals[5]);
    }

    [Fact]
    public void DecodesStringEscapes()
    {
        var s = Lex("{{ 'a\\n\\t\\x41\\u00e9\\'' }}").Single(t => t.Type == TokenType.String);
        Assert.Equal("a\n\tAé'", s.Value);
    }

    [Fact]
    public void CountsLines()
    {
        var tokens = Lex("a\nb\n{{ x }}\n{% if y %}");
        Assert.Equal(3, tokens.First(t => t.Type == TokenType.VariableBegin).Line);
        Assert.Equal(4, tokens.First(t => t.Type == TokenType.BlockBegin).Line);
    }

    [Fact]
    public void MinusAfterDelimiterIsAStripMarker() => Assert.Equal("a1", TestUtil.Render("a {{-1}}"));

    [Theory]
    [InlineData("a {{- 1 -}} b", "a1b")]
    [InlineData("a\n  {%- if true %}x{% endif -%}\n b", "axb")]
    [InlineData("{# comment {{ x }} #}ok", "ok")]
    [InlineData("{% raw %}{{ x }}{% endraw %}", "{{ x }}")]
    [InlineData("hello\n", "hello")]
    [InlineData("x\n\n", "x\n")]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    public void HandlesWhitespaceAndRaw(string template, string expected) => Assert.Equal(expected, TestUtil.Render(template));

    [Fact]
    public void TrimAndLstripBlocks()
    {
        const string template = "<ul>\n    {% for i in [1, 2] %}\n    <li>{{ i }}</li>\n    {% endfor %}\n</ul>";
        Assert.Equal("<ul>\n    <li>1</li>\n    <li>2</li>\n</ul>", TestUtil.Render(template, null, e =>
        {
            e.TrimBlocks = true;
            e.LstripBlocks = true;
        }));
    }

    [Fact]
    public void PlusDisablesLstripAndTrim()
    {
        Assert.Equal("  x", TestUtil.Render("  {%+ if true %}x{% endif %}", null, e => e.LstripBlocks = true));
        Assert.Equal("\nx", TestUtil.Render("{% if true +%}\nx{% endif %}", null, e => e.TrimBlocks = true));
    }

    [Fact]
    public void KeepTrailingNewline() => Assert.Equal("x\n", TestUtil.Render("x\n", null, e => e.KeepTrailingNewline = true));

    [Fact]
    public void CustomDelimiters()
    {
        Assert.Equal("3 ok", TestUtil.Render("<< 1 + 2 >> <% if true %>ok<% endif %><# c #>", null, e =>
        {
            e.VariableStartString = "<<";
            e.VariableEndString = ">>";
            e.BlockStartString = "<%";
            e.BlockEndString = "%>";
            e.CommentStartString = "<#";
            e.CommentEndString = "#>";
        }));
    }

    [Fact]
    public void LineStatementsAndComments()
    {
        const string template = "# for x in [1, 2]:\n<{{ x }}> ## note\n# endfor\n";
        Assert.Equal("<1>\n<2>\n", TestUtil.Render(template, null, e =>
        {
            e.LineStatementPrefix = "#";
            e.LineCommentPrefix = "##";
        }));
    }

    [Fact]
    public void UnexpectedCharacterIsSyntaxError()
    {
        var e = Assert.Throws<TemplateSyntaxError>(() => TestUtil.Render("{{ a ! b }}"));
        Assert.Contains("unexpected char '!'", e.BareMessage);
    }

    [Fact]
    public void UnclosedCommentIsSyntaxError() =>
        Assert.Equal("Missing end of comment tag", Assert.Throws<TemplateSyntaxError>(() => TestUtil.Render("{# x")).BareMessage);
}
