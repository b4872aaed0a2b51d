using System.Buffers;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>HTML escaping exactly as Jinja2's autoescape (markupsafe) does it:
/// &amp; &lt; &gt; " ' become &amp;amp; &amp;lt; &amp;gt; &amp;#34; &amp;#39;; nothing else changes.</summary>
public static class MarkupSafe
{
    private static readonly SearchValues<char> _special = SearchValues.Create("&<>\"'");

    public static bool IsSpecial(char c) => c is '&' or '<' or '>' or '"' or '\'';

    public static string Replacement(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&#34;",
        '\'' => "&#39;",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static int IndexOfSpecial(ReadOnlySpan<char> text) => text.IndexOfAny(_special);

    /// <summary>Writes <paramref name="text"/> escaped.</summary>
    public static void Write(TextWriter writer, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var i = text.IndexOfAny(_special);
            if (i < 0)
            {
                writer.Write(text);
                return;
            }

            writer.Write(text[..i]);
            writer.Write(Replacement(text[i]));
            text = text[(i + 1)..];
        }
    }

    /// <summary>Returns <paramref name="text"/> escaped (the same string when nothing needs escaping).</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(_special);
        if (first < 0)
        {
            return text;
        }

        using var writer = new StringWriter();
        Write(writer, text);
        return writer.ToString();
    }
}
