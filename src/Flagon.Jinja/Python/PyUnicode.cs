using System.Globalization;
using System.Text;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python 3.11's per-code-point Unicode properties and full case mappings (Unicode 14.0), from
/// generated tables, so <c>'straße'.upper()</c> is <c>'STRASSE'</c> whatever .NET's Unicode version.
/// </summary>
public static class PyUnicode
{
    private static readonly Lazy<Dictionary<int, string>> _upper = new(() => Parse(PyUnicodeData.UpperMap));
    private static readonly Lazy<Dictionary<int, string>> _lower = new(() => Parse(PyUnicodeData.LowerMap));
    private static readonly Lazy<Dictionary<int, string>> _title = new(() => Parse(PyUnicodeData.TitleMap));
    private static readonly Lazy<Dictionary<int, string>> _fold = new(() => Parse(PyUnicodeData.FoldMap));

    /// <summary>Python's <c>str.isprintable()</c> for one code point.</summary>
    public static bool IsPrintable(int cp) => cp < 0x7F ? cp >= 0x20 : InRanges(PyUnicodeData.Printable, cp);

    /// <summary>Python's <c>str.isalpha()</c> for one code point.</summary>
    public static bool IsAlpha(int cp) => cp < 0x80 ? (uint)((cp | 0x20) - 'a') <= 'z' - 'a' : InRanges(PyUnicodeData.Alpha, cp);

    /// <summary>Python's <c>str.isdecimal()</c> for one code point.</summary>
    public static bool IsDecimal(int cp) => cp < 0x80 ? (uint)(cp - '0') <= 9 : InRanges(PyUnicodeData.Decimal, cp);

    /// <summary>Python's <c>str.isdigit()</c> for one code point.</summary>
    public static bool IsDigit(int cp) => cp < 0x80 ? (uint)(cp - '0') <= 9 : InRanges(PyUnicodeData.Digit, cp);

    /// <summary>Python's <c>str.isnumeric()</c> for one code point.</summary>
    public static bool IsNumeric(int cp) => cp < 0x80 ? (uint)(cp - '0') <= 9 : InRanges(PyUnicodeData.Numeric, cp);

    /// <summary>Python's <c>str.isspace()</c> for one code point (includes <c>\x1c</c>–<c>\x1f</c>).</summary>
    public static bool IsSpace(int cp) => cp < 0x80 ? (cp >= 9 && cp <= 13) || (cp >= 0x1C && cp <= 0x20) : InRanges(PyUnicodeData.Space, cp);

    /// <summary>Whether the code point may start an identifier (XID_Start or <c>_</c>).</summary>
    public static bool IsIdentifierStart(int cp) => InRanges(PyUnicodeData.XidStart, cp);

    /// <summary>Whether the code point may continue an identifier (XID_Continue).</summary>
    public static bool IsIdentifierPart(int cp) => InRanges(PyUnicodeData.XidContinue, cp);

    /// <summary>Whether the code point has the Lowercase property.</summary>
    public static bool IsLower(int cp) => cp < 0x80 ? (uint)(cp - 'a') <= 25 : InRanges(PyUnicodeData.Lower, cp);

    /// <summary>Whether the code point has the Uppercase property.</summary>
    public static bool IsUpper(int cp) => cp < 0x80 ? (uint)(cp - 'A') <= 25 : InRanges(PyUnicodeData.Upper, cp);

    /// <summary>Whether the code point is a titlecase letter (category Lt).</summary>
    public static bool IsTitle(int cp) => cp >= 0x80 && InRanges(PyUnicodeData.Title, cp);

    /// <summary>Whether the code point is cased (Lowercase, Uppercase or Lt).</summary>
    public static bool IsCased(int cp) => cp < 0x80 ? (uint)((cp | 0x20) - 'a') <= 25 : InRanges(PyUnicodeData.Cased, cp);

    /// <summary>Whether the code point is case-ignorable (used by the final-sigma rule).</summary>
    public static bool IsCaseIgnorable(int cp) => InRanges(PyUnicodeData.CaseIgnorable, cp);

    /// <summary>Appends the full uppercase mapping of a code point.</summary>
    public static void AppendUpper(StringBuilder sb, int cp) => AppendMapped(sb, cp, _upper.Value);

    /// <summary>Appends the full lowercase mapping of a code point (without the final-sigma rule).</summary>
    public static void AppendLower(StringBuilder sb, int cp) => AppendMapped(sb, cp, _lower.Value);

    /// <summary>Appends the full titlecase mapping of a code point.</summary>
    public static void AppendTitle(StringBuilder sb, int cp) => AppendMapped(sb, cp, _title.Value);

    /// <summary>Appends the full case folding of a code point.</summary>
    public static void AppendFold(StringBuilder sb, int cp) => AppendMapped(sb, cp, _fold.Value);

    internal static bool InRanges(int[] ranges, int cp)
    {
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (cp < ranges[mid * 2])
            {
                hi = mid - 1;
            }
            else if (cp >= ranges[mid * 2 + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    private static void AppendMapped(StringBuilder sb, int cp, Dictionary<int, string> map)
    {
        if (map.TryGetValue(cp, out var mapped))
        {
            sb.Append(mapped);
        }
        else
        {
            AppendCodePoint(sb, cp);
        }
    }

    internal static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000)
        {
            sb.Append((char)cp);
        }
        else
        {
            cp -= 0x10000;
            sb.Append((char)(0xD800 + (cp >> 10))).Append((char)(0xDC00 + (cp & 0x3FF)));
        }
    }

    private static Dictionary<int, string> Parse(string data)
    {
        var map = new Dictionary<int, string>(1600);
        var sb = new StringBuilder();
        foreach (var entry in data.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = entry.IndexOf(':');
            int key = int.Parse(entry.AsSpan(0, colon), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            sb.Clear();
            foreach (var part in entry[(colon + 1)..].Split(','))
            {
                AppendCodePoint(sb, int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
            map[key] = sb.ToString();
        }
        return map;
    }
}
