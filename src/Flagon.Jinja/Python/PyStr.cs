using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's <c>str</c> methods on .NET strings, with code-point indexes and Python 3.11's Unicode
/// rules (full case mapping, final sigma, Python's whitespace and line breaks). Filters can call
/// these directly; <see cref="PyMethods"/> dispatches template method calls to them.
/// </summary>
public static class PyStr
{
    private static bool IsAscii(string s) => Ascii.IsValid(s);

    /// <summary>ASCII case mapping with the vectorised <see cref="Ascii"/> helpers; the input itself when nothing changes.</summary>
    private static string AsciiCase(string s, bool upper)
    {
        int first = upper ? s.AsSpan().IndexOfAnyInRange('a', 'z') : s.AsSpan().IndexOfAnyInRange('A', 'Z');
        if (first < 0)
        {
            return s;
        }
        return string.Create(s.Length, (s, upper), static (span, state) =>
        {
            if (state.upper)
            {
                Ascii.ToUpper(state.s, span, out _);
            }
            else
            {
                Ascii.ToLower(state.s, span, out _);
            }
        });
    }

    /// <summary><c>str.upper()</c> with full case mapping (<c>'ß'</c> → <c>'SS'</c>).</summary>
    public static string Upper(string s)
    {
        if (IsAscii(s))
        {
            return AsciiCase(s, upper: true);
        }
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            PyUnicode.AppendUpper(sb, PyString.CodePointAt(s, i, out int u));
            i += u;
        }
        return sb.ToString();
    }

    /// <summary><c>str.lower()</c> with full case mapping and the final-sigma rule.</summary>
    public static string Lower(string s)
    {
        if (IsAscii(s))
        {
            return AsciiCase(s, upper: false);
        }
        var cps = PyString.CodePoints(s);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < cps.Length; i++)
        {
            AppendLower(sb, cps, i);
        }
        return sb.ToString();
    }

    private static void AppendLower(StringBuilder sb, int[] cps, int i)
    {
        if (cps[i] == 0x3A3)
        {
            sb.Append(FinalSigma(cps, i) ? '\u03C2' : '\u03C3');
        }
        else
        {
            PyUnicode.AppendLower(sb, cps[i]);
        }
    }

    private static bool FinalSigma(int[] cps, int i)
    {
        int j = i - 1;
        while (j >= 0 && PyUnicode.IsCaseIgnorable(cps[j]))
        {
            j--;
        }
        bool final = j >= 0 && PyUnicode.IsCased(cps[j]);
        if (final && i + 1 < cps.Length)
        {
            j = i + 1;
            while (j < cps.Length && PyUnicode.IsCaseIgnorable(cps[j]))
            {
                j++;
            }
            final = j == cps.Length || !PyUnicode.IsCased(cps[j]);
        }
        return final;
    }

    /// <summary><c>str.casefold()</c>.</summary>
    public static string Casefold(string s)
    {
        if (IsAscii(s))
        {
            return s.ToLowerInvariant();
        }
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            PyUnicode.AppendFold(sb, PyString.CodePointAt(s, i, out int u));
            i += u;
        }
        return sb.ToString();
    }

    /// <summary><c>str.title()</c>: titlecase after an uncased character, lowercase after a cased one.</summary>
    public static string Title(string s)
    {
        var cps = PyString.CodePoints(s);
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        for (int i = 0; i < cps.Length; i++)
        {
            int c = cps[i];
            if (previousCased)
            {
                AppendLower(sb, cps, i);
            }
            else
            {
                PyUnicode.AppendTitle(sb, c);
            }
            previousCased = PyUnicode.IsCased(c);
        }
        return sb.ToString();
    }

    /// <summary><c>str.capitalize()</c>: first character titlecased, the rest lowercased.</summary>
    public static string Capitalize(string s)
    {
        var cps = PyString.CodePoints(s);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < cps.Length; i++)
        {
            if (i == 0)
            {
                PyUnicode.AppendTitle(sb, cps[0]);
            }
            else
            {
                AppendLower(sb, cps, i);
            }
        }
        return sb.ToString();
    }

    /// <summary><c>str.swapcase()</c>.</summary>
    public static string Swapcase(string s)
    {
        var cps = PyString.CodePoints(s);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < cps.Length; i++)
        {
            int c = cps[i];
            if (PyUnicode.IsUpper(c))
            {
                AppendLower(sb, cps, i);
            }
            else if (PyUnicode.IsLower(c))
            {
                PyUnicode.AppendUpper(sb, c);
            }
            else
            {
                PyUnicode.AppendCodePoint(sb, c);
            }
        }
        return sb.ToString();
    }

    /// <summary><c>str.strip(chars)</c>; <paramref name="chars"/> null strips Python whitespace.</summary>
    public static string Strip(string s, string? chars, bool left = true, bool right = true)
    {
        var cps = PyString.CodePoints(s);
        HashSet<int>? set = chars is null ? null : [.. PyString.CodePoints(chars)];
        int a = 0, b = cps.Length;
        if (left)
        {
            while (a < b && (set is null ? PyUnicode.IsSpace(cps[a]) : set.Contains(cps[a])))
            {
                a++;
            }
        }
        if (right)
        {
            while (b > a && (set is null ? PyUnicode.IsSpace(cps[b - 1]) : set.Contains(cps[b - 1])))
            {
                b--;
            }
        }
        return a == 0 && b == cps.Length ? s : PyString.FromCodePoints(cps.AsSpan(a, b - a));
    }

    /// <summary><c>str.split(sep, maxsplit)</c>; a null separator splits on runs of Python whitespace.</summary>
    public static List<string> Split(string s, string? sep, long maxsplit = -1)
    {
        var result = new List<string>();
        if (maxsplit < 0)
        {
            maxsplit = long.MaxValue;
        }
        if (sep is null)
        {
            var cps = PyString.CodePoints(s);
            int i = 0, n = cps.Length;
            while (true)
            {
                while (i < n && PyUnicode.IsSpace(cps[i]))
                {
                    i++;
                }
                if (i >= n)
                {
                    break;
                }
                if (result.Count >= maxsplit)
                {
                    result.Add(PyString.FromCodePoints(cps.AsSpan(i, n - i)));
                    break;
                }
                int j = i;
                while (j < n && !PyUnicode.IsSpace(cps[j]))
                {
                    j++;
                }
                result.Add(PyString.FromCodePoints(cps.AsSpan(i, j - i)));
                i = j;
            }
            return result;
        }
        if (sep.Length == 0)
        {
            throw PythonError.ValueError("empty separator");
        }
        int pos = 0;
        while (result.Count < maxsplit)
        {
            int k = s.IndexOf(sep, pos, StringComparison.Ordinal);
            if (k < 0)
            {
                break;
            }
            result.Add(s[pos..k]);
            pos = k + sep.Length;
        }
        result.Add(s[pos..]);
        return result;
    }

    /// <summary><c>str.rsplit(sep, maxsplit)</c>.</summary>
    public static List<string> RSplit(string s, string? sep, long maxsplit = -1)
    {
        if (maxsplit < 0)
        {
            return Split(s, sep, -1);
        }
        var result = new List<string>();
        if (sep is null)
        {
            var cps = PyString.CodePoints(s);
            int i = cps.Length;
            while (true)
            {
                while (i > 0 && PyUnicode.IsSpace(cps[i - 1]))
                {
                    i--;
                }
                if (i <= 0)
                {
                    break;
                }
                if (result.Count >= maxsplit)
                {
                    result.Add(PyString.FromCodePoints(cps.AsSpan(0, i)));
                    break;
                }
                int j = i;
                while (j > 0 && !PyUnicode.IsSpace(cps[j - 1]))
                {
                    j--;
                }
                result.Add(PyString.FromCodePoints(cps.AsSpan(j, i - j)));
                i = j;
            }
            result.Reverse();
            return result;
        }
        if (sep.Length == 0)
        {
            throw PythonError.ValueError("empty separator");
        }
        int end = s.Length;
        while (result.Count < maxsplit && end >= sep.Length)
        {
            int k = s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
            if (k < 0)
            {
                break;
            }
            result.Add(s[(k + sep.Length)..end]);
            end = k;
        }
        result.Add(s[..end]);
        result.Reverse();
        return result;
    }

    /// <summary><c>str.splitlines(keepends)</c> with Python's line boundaries (also \v \f \x1c-\x1e \x85 \u2028 \u2029).</summary>
    public static List<string> SplitLines(string s, bool keepEnds = false)
    {
        var result = new List<string>();
        int i = 0, n = s.Length;
        while (i < n)
        {
            int start = i;
            while (i < n && !IsLineBreak(s[i]))
            {
                i++;
            }
            int eol = i;
            if (i < n)
            {
                i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
                if (keepEnds)
                {
                    eol = i;
                }
            }
            result.Add(s[start..eol]);
        }
        return result;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';

    /// <summary>Normalises Python slice bounds (code points) to unit offsets; false when start &gt; length.</summary>
    internal static bool Bounds(string s, long? start, long? end, out int a, out int b)
    {
        int len = PyString.Length(s);
        long st = start ?? 0, en = end ?? len;
        if (st < 0)
        {
            st = Math.Max(0, st + len);
        }
        if (en < 0)
        {
            en = Math.Max(0, en + len);
        }
        en = Math.Min(en, len);
        if (st > len || en < st)
        {
            a = b = 0;
            return false;
        }
        a = PyString.ToUnitIndex(s, (int)st);
        b = PyString.ToUnitIndex(s, (int)en);
        return true;
    }

    /// <summary><c>str.find(sub, start, end)</c> (code-point index or -1).</summary>
    public static long Find(string s, string sub, long? start = null, long? end = null)
    {
        if (!Bounds(s, start, end, out int a, out int b) || b - a < sub.Length)
        {
            return -1;
        }
        int k = s.IndexOf(sub, a, b - a, StringComparison.Ordinal);
        return k < 0 ? -1 : PyString.ToCodePointIndex(s, k);
    }

    /// <summary><c>str.rfind(sub, start, end)</c>.</summary>
    public static long RFind(string s, string sub, long? start = null, long? end = null)
    {
        if (!Bounds(s, start, end, out int a, out int b) || b - a < sub.Length)
        {
            return -1;
        }
        if (sub.Length == 0)
        {
            return PyString.ToCodePointIndex(s, b);
        }
        int k = s.LastIndexOf(sub, b - 1, b - a, StringComparison.Ordinal);
        return k < 0 ? -1 : PyString.ToCodePointIndex(s, k);
    }

    /// <summary><c>str.count(sub, start, end)</c> (non-overlapping).</summary>
    public static long Count(string s, string sub, long? start = null, long? end = null)
    {
        if (!Bounds(s, start, end, out int a, out int b) || b - a < sub.Length)
        {
            return 0;
        }
        if (sub.Length == 0)
        {
            return PyString.Length(s[a..b]) + 1;
        }
        long count = 0;
        int pos = a;
        while (true)
        {
            int k = s.IndexOf(sub, pos, b - pos, StringComparison.Ordinal);
            if (k < 0)
            {
                return count;
            }
            count++;
            pos = k + sub.Length;
        }
    }

    /// <summary><c>str.startswith(prefix, start, end)</c> for one prefix.</summary>
    public static bool StartsWith(string s, string prefix, long? start = null, long? end = null)
    {
        if (!Bounds(s, start, end, out int a, out int b))
        {
            return false;
        }
        return b - a >= prefix.Length && string.CompareOrdinal(s, a, prefix, 0, prefix.Length) == 0;
    }

    /// <summary><c>str.endswith(suffix, start, end)</c> for one suffix.</summary>
    public static bool EndsWith(string s, string suffix, long? start = null, long? end = null)
    {
        if (!Bounds(s, start, end, out int a, out int b))
        {
            return false;
        }
        return b - a >= suffix.Length && string.CompareOrdinal(s, b - suffix.Length, suffix, 0, suffix.Length) == 0;
    }

    /// <summary><c>str.replace(old, new, count)</c>; an empty <paramref name="old"/> inserts between code points.</summary>
    public static string Replace(string s, string old, string replacement, long count = -1)
    {
        if (count < 0)
        {
            count = long.MaxValue;
        }
        if (count == 0)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        if (old.Length == 0)
        {
            long done = 0;
            int i = 0;
            while (true)
            {
                if (done < count)
                {
                    sb.Append(replacement);
                    done++;
                }
                if (i >= s.Length)
                {
                    break;
                }
                PyString.CodePointAt(s, i, out int u);
                sb.Append(s, i, u);
                i += u;
            }
            return sb.ToString();
        }
        int pos = 0;
        long n = 0;
        while (n < count)
        {
            int k = s.IndexOf(old, pos, StringComparison.Ordinal);
            if (k < 0)
            {
                break;
            }
            sb.Append(s, pos, k - pos).Append(replacement);
            pos = k + old.Length;
            n++;
        }
        sb.Append(s, pos, s.Length - pos);
        return sb.ToString();
    }

    /// <summary><c>str.center(width, fillchar)</c> (with CPython's odd-width rounding).</summary>
    public static string Center(string s, long width, string fill = " ")
    {
        int len = PyString.Length(s);
        if (width <= len)
        {
            return s;
        }
        long marg = width - len;
        long left = marg / 2 + (marg & width & 1);
        return Repeat(fill, left) + s + Repeat(fill, marg - left);
    }

    /// <summary><c>str.ljust(width, fillchar)</c>.</summary>
    public static string LJust(string s, long width, string fill = " ")
    {
        int len = PyString.Length(s);
        return width <= len ? s : s + Repeat(fill, width - len);
    }

    /// <summary><c>str.rjust(width, fillchar)</c>.</summary>
    public static string RJust(string s, long width, string fill = " ")
    {
        int len = PyString.Length(s);
        return width <= len ? s : Repeat(fill, width - len) + s;
    }

    /// <summary><c>str.zfill(width)</c>: zeros after a leading sign.</summary>
    public static string ZFill(string s, long width)
    {
        int len = PyString.Length(s);
        if (width <= len)
        {
            return s;
        }
        string zeros = Repeat("0", width - len);
        return s.Length > 0 && s[0] is '+' or '-' ? s[0] + zeros + s[1..] : zeros + s;
    }

    private static string Repeat(string unit, long times)
    {
        if (times * unit.Length > PyOps.MaxRepeatLength)
        {
            throw PythonError.Overflow("padded string is too long");
        }
        var sb = new StringBuilder((int)(times * unit.Length));
        for (long i = 0; i < times; i++)
        {
            sb.Append(unit);
        }
        return sb.ToString();
    }

    /// <summary><c>str.expandtabs(tabsize)</c>.</summary>
    public static string ExpandTabs(string s, long tabsize = 8)
    {
        var sb = new StringBuilder(s.Length);
        long column = 0;
        for (int i = 0; i < s.Length;)
        {
            int cp = PyString.CodePointAt(s, i, out int u);
            if (cp == '\t')
            {
                if (tabsize > 0)
                {
                    long spaces = tabsize - column % tabsize;
                    if (sb.Length + spaces > PyOps.MaxRepeatLength)
                    {
                        throw PythonError.Overflow("result too long");
                    }
                    sb.Append(' ', (int)spaces);
                    column += spaces;
                }
            }
            else
            {
                sb.Append(s, i, u);
                column = cp is '\n' or '\r' ? 0 : column + 1;
            }
            i += u;
        }
        return sb.ToString();
    }

    /// <summary><c>str.partition(sep)</c> (or <c>rpartition</c> when <paramref name="fromRight"/>).</summary>
    public static (string Head, string Sep, string Tail) Partition(string s, string sep, bool fromRight = false)
    {
        if (sep.Length == 0)
        {
            throw PythonError.ValueError("empty separator");
        }
        int k = fromRight ? s.LastIndexOf(sep, StringComparison.Ordinal) : s.IndexOf(sep, StringComparison.Ordinal);
        if (k < 0)
        {
            return fromRight ? ("", "", s) : (s, "", "");
        }
        return (s[..k], sep, s[(k + sep.Length)..]);
    }

    /// <summary>Applies a per-code-point predicate as Python's <c>str.isX()</c> does (false for the empty string).</summary>
    public static bool All(string s, Func<int, bool> predicate)
    {
        if (s.Length == 0)
        {
            return false;
        }
        for (int i = 0; i < s.Length;)
        {
            if (!predicate(PyString.CodePointAt(s, i, out int u)))
            {
                return false;
            }
            i += u;
        }
        return true;
    }

    /// <summary><c>str.isalnum()</c>.</summary>
    public static bool IsAlnum(string s) => All(s, c => PyUnicode.IsAlpha(c) || PyUnicode.IsDecimal(c) || PyUnicode.IsDigit(c) || PyUnicode.IsNumeric(c));

    /// <summary><c>str.islower()</c>: every cased character lowercase and at least one.</summary>
    public static bool IsLower(string s)
    {
        bool cased = false;
        for (int i = 0; i < s.Length;)
        {
            int c = PyString.CodePointAt(s, i, out int u);
            i += u;
            if (PyUnicode.IsUpper(c) || PyUnicode.IsTitle(c))
            {
                return false;
            }
            cased |= PyUnicode.IsLower(c);
        }
        return cased;
    }

    /// <summary><c>str.isupper()</c>.</summary>
    public static bool IsUpper(string s)
    {
        bool cased = false;
        for (int i = 0; i < s.Length;)
        {
            int c = PyString.CodePointAt(s, i, out int u);
            i += u;
            if (PyUnicode.IsLower(c) || PyUnicode.IsTitle(c))
            {
                return false;
            }
            cased |= PyUnicode.IsUpper(c);
        }
        return cased;
    }

    /// <summary><c>str.istitle()</c>.</summary>
    public static bool IsTitle(string s)
    {
        bool cased = false, previousCased = false;
        for (int i = 0; i < s.Length;)
        {
            int c = PyString.CodePointAt(s, i, out int u);
            i += u;
            if (PyUnicode.IsUpper(c) || PyUnicode.IsTitle(c))
            {
                if (previousCased)
                {
                    return false;
                }
                previousCased = cased = true;
            }
            else if (PyUnicode.IsLower(c))
            {
                if (!previousCased)
                {
                    return false;
                }
                previousCased = cased = true;
            }
            else
            {
                previousCased = false;
            }
        }
        return cased;
    }

    /// <summary><c>str.isidentifier()</c>.</summary>
    public static bool IsIdentifier(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }
        int first = PyString.CodePointAt(s, 0, out int u0);
        if (!PyUnicode.IsIdentifierStart(first))
        {
            return false;
        }
        for (int i = u0; i < s.Length;)
        {
            if (!PyUnicode.IsIdentifierPart(PyString.CodePointAt(s, i, out int u)))
            {
                return false;
            }
            i += u;
        }
        return true;
    }

    /// <summary><c>str.isprintable()</c> (true for the empty string).</summary>
    public static bool IsPrintable(string s) => s.Length == 0 || All(s, PyUnicode.IsPrintable);

    /// <summary>MarkupSafe's <c>Markup.striptags()</c>: drop comments and tags, collapse whitespace, unescape.</summary>
    public static string StripTags(string s)
    {
        // Remove comments first, then tags, as MarkupSafe 2.1 does.
        string noComments = System.Text.RegularExpressions.Regex.Replace(s, "<!--.*?-->", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        string noTags = System.Text.RegularExpressions.Regex.Replace(noComments, "<.*?>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        string collapsed = string.Join(" ", Split(noTags, null));
        return Unescape(collapsed);
    }

    /// <summary>MarkupSafe's <c>Markup.unescape()</c> (Python's <c>html.unescape</c> for the common entities).</summary>
    public static string Unescape(string s) => PyHtml.Unescape(s);

    /// <summary>Wraps a str result back into Markup when the receiver was Markup.</summary>
    internal static object Wrap(string value, bool markup) => markup ? new Markup(value) : value;
}
