using System.Text;
using System.Text.RegularExpressions;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Library;

/// <summary>The <c>urlize</c> filter: Jinja2 3.1's word-by-word link detection.</summary>
internal static partial class BuiltinFilters
{
    // Python's \w (str.isalnum() or '_'), and [a-z] under re.IGNORECASE (which also takes
    // U+0130 İ, U+0131 ı, U+017F ſ and U+212A Kelvin sign, by Unicode case folding).
    private const string PyWord = @"\p{L}\p{N}_";
    private const string AzIgnoreCase = @"a-zA-Z\u0130\u0131\u017F\u212A";

    // Jinja2's _http_re (re.IGNORECASE | re.VERBOSE), spelled out without IgnoreCase so that the
    // case folding is Python's. NonBacktracking: a long word never makes it slow.
    private static readonly Regex s_httpRe = new(
        "^(" +
            "(" + Ci("https") + "?://|" + Ci("www") + @"\.)" +
            "(([" + PyWord + @"%-]+\.)+)?" +
            "([" + AzIgnoreCase + "]{2,63}|" + Ci("xn") + "--[" + PyWord + "%]{2,59})" +
        "|" +
            "([" + PyWord + @"%-]{2,63}\.)+" +
            "(" + string.Join("|", new[] { "com", "net", "int", "edu", "gov", "org", "info", "mil" }.Select(Ci)) + ")" +
        "|" +
            "(" + Ci("http") + "[sS\u017F]?://)" +
            @"((\d{1,3}(\.\d{1,3}){3})|(\[([\dA-Fa-f]{0,4}:){2}([\dA-Fa-f]{0,4}:?){1,6}\]))" +
        ")" +
        @"(:\d{1,5})?([/?#][^\s]*)?$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex s_emailRe = new(
        @"^[^\s]+@[" + PyWord + "][" + PyWord + @".-]*\.[" + PyWord + "]+$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex s_uriSchemeRe = new(
        @"^([" + PyWord + @".+-]{2,}:/{0,2})$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^([(<]|&lt;)+")]
    private static partial Regex UrlizeHeadRe();

    [GeneratedRegex(@"([)>.,\n]|&gt;)+$")]
    private static partial Regex UrlizeTailRe();

    /// <summary>A literal matched as Python's re.IGNORECASE would: each letter as a class of its case variants.</summary>
    private static string Ci(string literal)
    {
        var sb = new StringBuilder();
        foreach (char c in literal)
        {
            sb.Append(c switch
            {
                'i' => "[iI\u0130\u0131]",
                's' => "[sS\u017F]",
                'k' => "[kK\u212A]",
                _ when char.IsAsciiLetter(c) => $"[{char.ToLowerInvariant(c)}{char.ToUpperInvariant(c)}]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        return sb.ToString();
    }

    private static object Urlize(EvalContext ctx, object? value, long? trimUrlLimit = null, bool nofollow = false,
        object? target = null, object? rel = null, object? extraSchemes = null)
    {
        var policies = ctx.Environment.Policies;
        var relParts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string part in PyStr.Split(rel is null ? "" : Ops.Str(rel), null))
        {
            relParts.Add(part);
        }
        if (nofollow)
        {
            relParts.Add("nofollow");
        }
        if (policies.TryGetValue("urlize.rel", out var policyRel) && Ops.Truthy(policyRel))
        {
            foreach (string part in PyStr.Split(Ops.Str(policyRel), null))
            {
                relParts.Add(part);
            }
        }
        string? relText = relParts.Count > 0 ? string.Join(" ", relParts) : null;
        if (target is null && policies.TryGetValue("urlize.target", out var policyTarget))
        {
            target = policyTarget;
        }
        if (extraSchemes is null && policies.TryGetValue("urlize.extra_schemes", out var policySchemes) && Ops.Truthy(policySchemes))
        {
            extraSchemes = policySchemes;
        }
        var schemes = new List<string>();
        if (extraSchemes is not null)
        {
            foreach (var scheme in Ops.Iterate(extraSchemes))
            {
                string text = Ops.Str(scheme);
                if (!s_uriSchemeRe.IsMatch(text))
                {
                    throw new FilterArgumentError($"{Ops.Repr(scheme)} is not a valid URI scheme prefix.");
                }
                schemes.Add(text);
            }
        }
        string rv = UrlizeText(Ops.Escape(value).Value, trimUrlLimit, relText, Ops.Truthy(target) ? target : null,
            extraSchemes is null ? null : schemes);
        return ctx.Autoescape ? new Markup(rv) : rv;
    }

    /// <summary>Jinja2's <c>utils.urlize</c> on already escaped text.</summary>
    private static string UrlizeText(string escaped, long? trimUrlLimit, string? rel, object? target, List<string>? extraSchemes)
    {
        string relAttr = rel is not null ? $" rel=\"{Markup.EscapeText(rel)}\"" : "";
        string targetAttr = target is not null ? $" target=\"{Ops.Escape(target).Value}\"" : "";
        var sb = new StringBuilder(escaped.Length + 32);
        int i = 0;
        while (i < escaped.Length)
        {
            // Words and the whitespace runs between them (Python's re.split(r"(\s+)")).
            int start = i;
            bool space = PyUnicode.IsSpace(escaped[i]);
            while (i < escaped.Length && PyUnicode.IsSpace(escaped[i]) == space)
            {
                i++;
            }
            string word = escaped[start..i];
            sb.Append(space ? word : UrlizeWord(word, trimUrlLimit, relAttr, targetAttr, extraSchemes));
        }
        return sb.ToString();
    }

    private static string UrlizeWord(string word, long? trimUrlLimit, string relAttr, string targetAttr, List<string>? extraSchemes)
    {
        string head = "", middle = word, tail = "";
        var match = UrlizeHeadRe().Match(middle);
        if (match.Success)
        {
            head = match.Value;
            middle = middle[match.Length..];
        }
        if (middle.EndsWith(')') || middle.EndsWith('>') || middle.EndsWith('.') || middle.EndsWith(',')
            || middle.EndsWith('\n') || middle.EndsWith("&gt;", StringComparison.Ordinal))
        {
            match = UrlizeTailRe().Match(middle);
            if (match.Success)
            {
                tail = match.Value;
                middle = middle[..match.Index];
            }
        }
        // Prefer balancing parentheses in URLs instead of ignoring a trailing character.
        foreach (var (startChar, endChar) in new[] { ("(", ")"), ("<", ">"), ("&lt;", "&gt;") })
        {
            int startCount = CountOf(middle, startChar);
            if (startCount <= CountOf(middle, endChar))
            {
                continue;
            }
            int moves = Math.Min(startCount, CountOf(tail, endChar));
            for (int n = 0; n < moves; n++)
            {
                int endIndex = tail.IndexOf(endChar, StringComparison.Ordinal) + endChar.Length;
                middle += tail[..endIndex];
                tail = tail[endIndex..];
            }
        }
        if (s_httpRe.IsMatch(middle))
        {
            string href = middle.StartsWith("https://", StringComparison.Ordinal) || middle.StartsWith("http://", StringComparison.Ordinal)
                ? middle
                : "https://" + middle;
            middle = $"<a href=\"{href}\"{relAttr}{targetAttr}>{TrimUrl(middle, trimUrlLimit)}</a>";
        }
        else if (middle.StartsWith("mailto:", StringComparison.Ordinal) && s_emailRe.IsMatch(middle[7..]))
        {
            middle = $"<a href=\"{middle}\">{middle[7..]}</a>";
        }
        else if (middle.Contains('@') && !middle.StartsWith("www.", StringComparison.Ordinal) && !middle.Contains(':') && s_emailRe.IsMatch(middle))
        {
            middle = $"<a href=\"mailto:{middle}\">{middle}</a>";
        }
        else if (extraSchemes is not null)
        {
            foreach (string scheme in extraSchemes)
            {
                if (middle != scheme && middle.StartsWith(scheme, StringComparison.Ordinal))
                {
                    middle = $"<a href=\"{middle}\"{relAttr}{targetAttr}>{middle}</a>";
                }
            }
        }
        return head + middle + tail;
    }

    private static int CountOf(string s, string sub)
    {
        int count = 0;
        for (int at = s.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = s.IndexOf(sub, at + sub.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>Python's <c>x[:limit] + "..."</c> when the text is longer than the limit (in code points).</summary>
    private static string TrimUrl(string url, long? limit)
    {
        if (limit is not long n || Ops.CodePointLength(url) <= n)
        {
            return url;
        }
        return string.Concat(PySlice(url, n)) + "...";
    }

    private static IEnumerable<string> PySlice(string s, long limit)
    {
        // Python's x[:n]: a negative n counts from the end.
        var cps = Ops.StringChars(s).Cast<string>().ToList();
        int n = (int)(limit < 0 ? Math.Max(0, cps.Count + limit) : Math.Min(limit, cps.Count));
        return cps.Take(n);
    }
}
