using System.Globalization;
using System.Text;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's <c>html.unescape</c>: all HTML5 named references (also the legacy ones without
/// <c>;</c>, longest prefix first), decimal and hex references with the HTML5 replacement rules.
/// MarkupSafe's <c>unescape()</c> and <c>striptags()</c> use it.
/// </summary>
public static class PyHtml
{
    private static readonly Lazy<Dictionary<string, string>> _entities = new(() => Parse(PyHtmlData.Entities));
    private static readonly Lazy<Dictionary<string, string>> _invalidRefs = new(() => Parse(PyHtmlData.InvalidCharRefs));
    private static readonly HashSet<int> _invalidCodePoints = [.. PyHtmlData.InvalidCodePoints];

    /// <summary>Replaces character references in <paramref name="text"/> as Python's <c>html.unescape</c> does.</summary>
    public static string Unescape(string text)
    {
        int amp = text.IndexOf('&');
        if (amp < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, amp);
        int i = amp;
        while (i < text.Length)
        {
            char c = text[i];
            if (c != '&')
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (TryReference(text, i + 1, out int end, out string? replacement))
            {
                sb.Append(replacement);
                i = end;
            }
            else
            {
                sb.Append('&');
                i++;
            }
        }
        return sb.ToString();
    }

    // Matches &(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?) at `start` (just after '&').
    private static bool TryReference(string s, int start, out int end, out string? replacement)
    {
        end = start;
        replacement = null;
        if (start >= s.Length)
        {
            return false;
        }
        if (s[start] == '#')
        {
            int j = start + 1;
            bool hex = j < s.Length && s[j] is 'x' or 'X';
            if (hex)
            {
                j++;
            }
            int digitsStart = j;
            while (j < s.Length && (hex ? char.IsAsciiHexDigit(s[j]) : char.IsAsciiDigit(s[j])))
            {
                j++;
            }
            if (j == digitsStart)
            {
                return false;
            }
            string digits = s[digitsStart..j];
            if (j < s.Length && s[j] == ';')
            {
                j++;
            }
            end = j;
            replacement = NumericReference(digits, hex);
            return true;
        }
        int k = start;
        while (k < s.Length && k - start < 32 && s[k] is not ('\t' or '\n' or '\f' or ' ' or '<' or '&' or '#' or ';'))
        {
            k++;
        }
        if (k == start)
        {
            return false;
        }
        if (k < s.Length && s[k] == ';')
        {
            k++;
        }
        string name = s[start..k];
        end = k;
        var entities = _entities.Value;
        if (entities.TryGetValue(name, out var value))
        {
            replacement = value;
            return true;
        }
        for (int x = name.Length - 1; x > 1; x--)
        {
            if (entities.TryGetValue(name[..x], out var prefix))
            {
                replacement = prefix + name[x..];
                return true;
            }
        }
        replacement = "&" + name;
        return true;
    }

    private static string NumericReference(string digits, bool hex)
    {
        var num = System.Numerics.BigInteger.Parse(hex ? "0" + digits : digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
        if (num <= int.MaxValue && _invalidRefs.Value.TryGetValue(((int)num).ToString("X", CultureInfo.InvariantCulture), out var mapped))
        {
            return mapped;
        }
        if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF)
        {
            return "\uFFFD";
        }
        int cp = (int)num;
        if (_invalidCodePoints.Contains(cp))
        {
            return "";
        }
        return char.ConvertFromUtf32(cp);
    }

    private static Dictionary<string, string> Parse(string data)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var entry in data.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = entry.LastIndexOf(':');
            sb.Clear();
            foreach (var part in entry[(colon + 1)..].Split(','))
            {
                PyUnicode.AppendCodePoint(sb, int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
            map[entry[..colon]] = sb.ToString();
        }
        return map;
    }
}
