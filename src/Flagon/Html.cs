using System.Text;

namespace Flagon;

/// <summary>HTML escaping as MarkupSafe does it (<c>&amp; &lt; &gt; &#34; &#39;</c>), for error pages and redirect bodies.</summary>
internal static class Html
{
    /// <summary>Escapes the five HTML-special characters.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&#34;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
