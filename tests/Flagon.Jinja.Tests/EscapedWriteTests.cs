using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests;

/// <summary>
/// Autoescaped output is escaped straight into the writer (short text through a stack buffer, long
/// text run by run); both give markupsafe's five entities, the same as <see cref="Markup.EscapeText"/>.
/// </summary>
public class EscapedWriteTests
{
    private static string Written(string text)
    {
        var writer = new StringWriter();
        Markup.WriteEscaped(writer, text);
        return writer.ToString();
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("<a href=\"x\">'&'</a>", "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;")]
    [InlineData("&", "&amp;")]
    [InlineData("tail&", "tail&amp;")]
    [InlineData("&head", "&amp;head")]
    [InlineData("é😀<", "é😀&lt;")]
    public void Escapes_the_five_characters(string text, string expected)
    {
        Assert.Equal(expected, Written(text));
        Assert.Equal(expected, Markup.EscapeText(text));
    }

    [Fact]
    public void Short_and_long_texts_agree_with_the_string_escape()
    {
        var random = new Random(5);
        const string alphabet = "ab &<>\"'é";
        foreach (int length in new[] { 1, 2, 255, 256, 257, 1000 })
        {
            for (int round = 0; round < 20; round++)
            {
                var chars = new char[length];
                for (int i = 0; i < length; i++)
                {
                    chars[i] = alphabet[random.Next(alphabet.Length)];
                }
                string text = new(chars);
                Assert.Equal(Markup.EscapeText(text), Written(text));
            }
            string allSpecial = new('"', length);
            Assert.Equal(string.Concat(Enumerable.Repeat("&#34;", length)), Written(allSpecial));
        }
    }

    [Fact]
    public void Templates_escape_values_once()
    {
        Assert.Equal("&lt;b&gt; &amp;amp; <i>", TestUtil.Render("{{ a }} {{ b }} {{ c }}",
            new { a = "<b>", b = "&amp;", c = new Markup("<i>") }, e => e.Autoescape = true));
    }
}
