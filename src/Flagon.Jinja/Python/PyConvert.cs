using System.Globalization;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>Python's <c>int(x[, base])</c>, <c>float(x)</c> and <c>round(x[, ndigits])</c> over the value model.</summary>
public static class PyConvert
{
    /// <summary>Python's <c>int(value)</c>: truncates floats, parses strings (whitespace, sign, underscores, Unicode digits).</summary>
    public static object ToInt(object? value)
    {
        if (PyNumber.IsInt(value))
        {
            return value is bool b ? (b ? 1L : 0L) : PyNumber.Normalize(PyNumber.ToBig(value!));
        }
        if (PyNumber.IsFloat(value))
        {
            return PyNumber.Normalize(PyFormatting.Truncate(PyNumber.ToDouble(value!)));
        }
        if (value is string or Markup)
        {
            return ToInt(value, 10L);
        }
        throw PythonError.TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{PyOps.TypeName(value)}'");
    }

    /// <summary>Python's <c>int(text, base)</c> (base 0 reads a 0x/0o/0b prefix).</summary>
    public static object ToInt(object? value, object? numberBase)
    {
        if (value is not (string or Markup))
        {
            throw PythonError.TypeError("int() can't convert non-string with explicit base");
        }
        if (!PyNumber.IsInt(numberBase))
        {
            throw PythonError.TypeError($"'{PyOps.TypeName(numberBase)}' object cannot be interpreted as an integer");
        }
        var bb = PyNumber.ToBig(numberBase!);
        if (bb != 0 && (bb < 2 || bb > 36))
        {
            throw PythonError.ValueError("int() base must be >= 2 and <= 36, or 0");
        }
        string text = value.ToString()!;
        int radix = (int)bb;
        var result = ParseInt(text, radix);
        return result is { } v ? PyNumber.Normalize(v)
            : throw PythonError.ValueError($"invalid literal for int() with base {radix}: {PyRepr.ReprString(text)}");
    }

    private static BigInteger? ParseInt(string text, int radix)
    {
        string s = PyStr.Strip(text, null);
        int i = 0;
        bool negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }
        int prefixRadix = 0;
        if (i + 1 < s.Length && s[i] == '0')
        {
            prefixRadix = char.ToLowerInvariant(s[i + 1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
        }
        bool hadPrefix = false;
        if (prefixRadix != 0 && (radix == 0 || radix == prefixRadix))
        {
            radix = prefixRadix;
            i += 2;
            hadPrefix = true;
        }
        bool base0Decimal = radix == 0;
        if (radix == 0)
        {
            radix = 10;
        }
        string rest = s[i..];
        // Underscores only between digits (or right after a base prefix); never doubled or trailing.
        if (rest.Length == 0 || rest.EndsWith('_') || rest.Contains("__", StringComparison.Ordinal) || (rest.StartsWith('_') && !hadPrefix))
        {
            return null;
        }
        BigInteger acc = BigInteger.Zero;
        int digits = 0;
        bool allZero = true;
        int firstDigit = -1;
        for (int k = 0; k < rest.Length;)
        {
            int cp = PyString.CodePointAt(rest, k, out int u);
            k += u;
            if (cp == '_')
            {
                continue;
            }
            int d = DigitValue(cp);
            if (d < 0 || d >= radix)
            {
                return null;
            }
            if (firstDigit < 0)
            {
                firstDigit = d;
            }
            acc = acc * radix + d;
            digits++;
            allZero &= d == 0;
        }
        if (base0Decimal && !allZero && firstDigit == 0)
        {
            return null;
        }
        if (digits > 4300 && radix == 10)
        {
            throw PythonError.ValueError($"Exceeds the limit (4300 digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        return negative ? -acc : acc;
    }

    private static int DigitValue(int cp)
    {
        if (cp < 0x80)
        {
            if (cp >= '0' && cp <= '9')
            {
                return cp - '0';
            }
            int lower = cp | 0x20;
            return lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : -1;
        }
        if (!PyUnicode.IsDecimal(cp))
        {
            return -1;
        }
        string ch = char.ConvertFromUtf32(cp);
        return (int)CharUnicodeInfo.GetDecimalDigitValue(ch, 0);
    }

    /// <summary>Python's <c>float(value)</c> for numbers and strings (<c>'inf'</c>, <c>'nan'</c>, underscores, Unicode digits).</summary>
    public static double ToFloat(object? value)
    {
        if (PyNumber.IsNumber(value))
        {
            return PyNumber.ToDouble(value!);
        }
        if (value is string or Markup)
        {
            string text = value.ToString()!;
            return ParseFloat(text) ?? throw PythonError.ValueError($"could not convert string to float: {PyRepr.ReprString(text)}");
        }
        throw PythonError.TypeError($"float() argument must be a string or a real number, not '{PyOps.TypeName(value)}'");
    }

    private static double? ParseFloat(string text)
    {
        string s = PyStr.Strip(text, null);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            int cp = PyString.CodePointAt(s, i, out int u);
            i += u;
            if (cp >= 0x80)
            {
                int d = PyUnicode.IsDecimal(cp) ? DigitValue(cp) : -1;
                if (d < 0)
                {
                    return null;
                }
                sb.Append((char)('0' + d));
            }
            else
            {
                sb.Append((char)cp);
            }
        }
        string t = sb.ToString();
        string body = t.TrimStart('+', '-');
        if (t.Length - body.Length > 1)
        {
            return null;
        }
        bool negative = t.StartsWith('-');
        switch (body.ToLowerInvariant())
        {
            case "inf":
            case "infinity":
                return negative ? double.NegativeInfinity : double.PositiveInfinity;
            case "nan":
                return double.NaN;
        }
        // Underscores only between digits.
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] == '_' && (i == 0 || i == body.Length - 1 || !char.IsAsciiDigit(body[i - 1]) || !char.IsAsciiDigit(body[i + 1])))
            {
                return null;
            }
        }
        body = body.Replace("_", "", StringComparison.Ordinal);
        if (body.Length == 0 || !System.Text.RegularExpressions.Regex.IsMatch(body, @"^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"))
        {
            return null;
        }
        double v = double.Parse(body, NumberStyles.Float, CultureInfo.InvariantCulture);
        return negative ? -v : v;
    }

    /// <summary>
    /// Python's builtin <c>round(number[, ndigits])</c>: half-even on the exact binary value; without
    /// <paramref name="ndigits"/> (null) a float rounds to an int; an int stays an int.
    /// </summary>
    public static object Round(object? number, object? ndigits = null)
    {
        if (ndigits is not null && !PyNumber.IsInt(ndigits))
        {
            throw PythonError.TypeError($"'{PyOps.TypeName(ndigits)}' object cannot be interpreted as an integer");
        }
        if (PyNumber.IsInt(number))
        {
            var v = PyNumber.ToBig(number!);
            if (ndigits is null || PyNumber.ToBig(ndigits) >= 0)
            {
                return PyNumber.Normalize(v);
            }
            var nd = PyNumber.ToBig(ndigits);
            if (-nd > 10_000)
            {
                return 0L;
            }
            var pow = BigInteger.Pow(10, (int)-nd);
            var q = BigInteger.DivRem(v, pow, out var r);
            if (r.Sign < 0)
            {
                q -= 1;
                r += pow;
            }
            int c = (r * 2).CompareTo(pow);
            if (c > 0 || (c == 0 && !q.IsEven))
            {
                q += 1;
            }
            return PyNumber.Normalize(q * pow);
        }
        if (!PyNumber.IsFloat(number))
        {
            throw PythonError.TypeError($"type {PyOps.TypeName(number)} doesn't define __round__ method");
        }
        double x = PyNumber.ToDouble(number!);
        if (ndigits is null)
        {
            if (double.IsNaN(x))
            {
                throw PythonError.ValueError("cannot convert float NaN to integer");
            }
            if (double.IsInfinity(x))
            {
                throw PythonError.Overflow("cannot convert float infinity to integer");
            }
            return PyNumber.Normalize(new BigInteger(Math.Round(x, MidpointRounding.ToEven)));
        }
        var n = PyNumber.ToBig(ndigits);
        if (!double.IsFinite(x) || x == 0)
        {
            return x;
        }
        if (n > 330)
        {
            return x;
        }
        if (n < -330)
        {
            return 0.0 * x;
        }
        int ndig = (int)n;
        BigInteger scaled = PyFloat.ScaledRound(Math.Abs(x), ndig);
        string text = scaled.ToString(CultureInfo.InvariantCulture) + "e" + (-ndig).ToString(CultureInfo.InvariantCulture);
        double result = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(result))
        {
            throw PythonError.Overflow("rounded value too large to represent");
        }
        return double.IsNegative(x) ? -result : result;
    }
}
