namespace Flagon.Jinja.Python;

/// <summary>
/// Code-point helpers for .NET strings: Python counts and indexes strings by code point, .NET by
/// UTF-16 unit. Strings without surrogates take the fast path (one unit = one code point).
/// </summary>
public static class PyString
{
    /// <summary>Whether the string holds any surrogate unit (else unit indexes equal code-point indexes).</summary>
    public static bool HasSurrogates(string s) => s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>Python's <c>len(s)</c>: the number of code points (a lone surrogate counts as one).</summary>
    public static int Length(string s)
    {
        int first = s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return s.Length;
        }
        int n = first;
        for (int i = first; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            n++;
        }
        return n;
    }

    /// <summary>The code point starting at unit <paramref name="i"/> and how many units it spans.</summary>
    public static int CodePointAt(string s, int i, out int units)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            units = 2;
            return char.ConvertToUtf32(c, s[i + 1]);
        }
        units = 1;
        return c;
    }

    /// <summary>The code points of the string (lone surrogates as themselves).</summary>
    public static int[] CodePoints(string s)
    {
        var result = new int[Length(s)];
        int k = 0;
        for (int i = 0; i < s.Length;)
        {
            result[k++] = CodePointAt(s, i, out int units);
            i += units;
        }
        return result;
    }

    /// <summary>Builds a string from code points.</summary>
    public static string FromCodePoints(ReadOnlySpan<int> cps)
    {
        var sb = new System.Text.StringBuilder(cps.Length);
        foreach (int cp in cps)
        {
            PyUnicode.AppendCodePoint(sb, cp);
        }
        return sb.ToString();
    }

    /// <summary>Converts a code-point index (0..length) to a UTF-16 unit index.</summary>
    public static int ToUnitIndex(string s, int codePointIndex)
    {
        int first = s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || codePointIndex <= first)
        {
            return Math.Min(codePointIndex, s.Length);
        }
        int i = first, n = first;
        while (i < s.Length && n < codePointIndex)
        {
            CodePointAt(s, i, out int units);
            i += units;
            n++;
        }
        return i;
    }

    /// <summary>Converts a UTF-16 unit index to a code-point index.</summary>
    public static int ToCodePointIndex(string s, int unitIndex)
    {
        int first = s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || unitIndex <= first)
        {
            return unitIndex;
        }
        int i = first, n = first;
        while (i < unitIndex)
        {
            CodePointAt(s, i, out int units);
            i += units;
            n++;
        }
        return n;
    }

    /// <summary>Python's <c>sub in s</c> (ordinal).</summary>
    public static bool Contains(string s, string sub) => s.Contains(sub, StringComparison.Ordinal);

    /// <summary>Ordinal comparison in code-point order (Python's <c>&lt;</c> on str), unlike UTF-16 unit order.</summary>
    public static int CompareOrdinal(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x != y)
            {
                return Fix(x) - Fix(y);
            }
        }
        return a.Length - b.Length;
    }

    private static int Fix(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
