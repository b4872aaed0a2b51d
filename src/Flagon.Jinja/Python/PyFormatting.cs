using System.Globalization;
using System.Numerics;
using System.Text;

namespace Flagon.Jinja.Python;

/// <summary>Shared pieces of <c>%</c> and <c>str.format</c>: Python's float and int bodies, padding, int()/float() coercions.</summary>
internal static class PyFormatting
{
    /// <summary>
    /// The text of |value| for float presentation types e E f F g G (and '%' handled by callers),
    /// precision already defaulted. NaN/inf give 'nan'/'inf' (upper-case for E F G).
    /// </summary>
    public static string FloatBody(double abs, char type, int precision, bool alternate)
    {
        bool upper = type is 'E' or 'F' or 'G';
        if (double.IsNaN(abs))
        {
            return upper ? "NAN" : "nan";
        }
        if (double.IsInfinity(abs))
        {
            return upper ? "INF" : "inf";
        }
        if (type is 'f' or 'F' && !(precision == 0 && alternate) && PyFloat.TryFixedString(abs, precision) is { } fixedText)
        {
            return fixedText;
        }
        var sb = new StringBuilder();
        switch (type)
        {
            case 'f':
            case 'F':
                PyFloat.AppendFixed(sb, abs, precision, alternate);
                return sb.ToString();
            case 'e':
            case 'E':
                return PyFloat.FormatExponent(abs, precision, type, alternate);
            default:
                return General(abs, precision, upper ? 'E' : 'e', alternate, keepPoint: false);
        }
    }

    /// <summary>
    /// Python's 'g' conversion of a finite |value|: <paramref name="precision"/> significant digits,
    /// fixed when -4 ≤ exponent &lt; precision, trailing zeros removed unless alternate.
    /// </summary>
    public static string General(double abs, int precision, char e, bool alternate, bool keepPoint)
    {
        if (precision == 0)
        {
            precision = 1;
        }
        var (digits, exp) = PyFloat.SignificantDigits(abs, precision);
        if (abs == 0)
        {
            exp = 0;
        }
        var sb = new StringBuilder();
        // With keepPoint (format() without a type) CPython switches to exponent notation one digit earlier.
        if (exp >= -4 && exp < (keepPoint ? precision - 1 : precision))
        {
            PyFloat.AppendFixedFromDigits(sb, digits, exp + 1, 0);
            string s = sb.ToString();
            if (!alternate)
            {
                s = StripZeros(s);
            }
            else if (!s.Contains('.'))
            {
                s += ".";
            }
            if (keepPoint && !s.Contains('.'))
            {
                s += ".0";
            }
            return s;
        }
        string mant = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
        if (!alternate)
        {
            mant = StripZeros(mant);
        }
        else if (!mant.Contains('.'))
        {
            mant += ".";
        }
        sb.Append(mant);
        PyFloat.AppendExponent(sb, e, exp);
        return sb.ToString();
    }

    private static string StripZeros(string s)
    {
        if (!s.Contains('.'))
        {
            return s;
        }
        s = s.TrimEnd('0');
        return s.EndsWith('.') ? s[..^1] : s;
    }

    /// <summary>Digits of |value| in base 10, 16, 8 or 2.</summary>
    public static string IntDigits(BigInteger abs, int radix, bool upper)
    {
        if (radix == 10)
        {
            return PyNumber.ToDecimalString(abs);
        }
        if (abs.IsZero)
        {
            return "0";
        }
        if (radix == 16)
        {
            string hex = abs.ToString(upper ? "X" : "x", CultureInfo.InvariantCulture).TrimStart('0');
            return hex.Length == 0 ? "0" : hex;
        }
        var sb = new StringBuilder();
        int bits = radix == 8 ? 3 : 1;
        int mask = radix - 1;
        while (!abs.IsZero)
        {
            sb.Insert(0, (char)('0' + (int)(abs & mask)));
            abs >>= bits;
        }
        return sb.ToString();
    }

    /// <summary>Python's <c>int(x)</c> for a float: truncation, with Python's errors for inf and nan.</summary>
    public static BigInteger Truncate(double d)
    {
        if (double.IsNaN(d))
        {
            throw PythonError.ValueError("cannot convert float NaN to integer");
        }
        if (double.IsInfinity(d))
        {
            throw PythonError.Overflow("cannot convert float infinity to integer");
        }
        return new BigInteger(Math.Truncate(d));
    }

    /// <summary>Python's <c>int(s)</c> for a string in base 10.</summary>
    public static BigInteger ParseInt(string s)
    {
        string t = s.Trim().Replace("_", "", StringComparison.Ordinal);
        if (t.Length > 0 && !s.Contains("__", StringComparison.Ordinal) && !s.Trim().StartsWith('_') && !s.Trim().EndsWith('_')
            && BigInteger.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }
        throw PythonError.ValueError($"invalid literal for int() with base 10: {PyRepr.ReprString(s)}");
    }

    /// <summary>Python's <c>float(s)</c> for a string.</summary>
    public static double ParseFloat(string s)
    {
        string t = s.Trim().ToLowerInvariant();
        switch (t.TrimStart('+', '-'))
        {
            case "inf":
            case "infinity":
                return t.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
            case "nan":
                return double.NaN;
        }
        if (t.Length > 0 && !t.Contains(' ') && double.TryParse(t.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            return d;
        }
        throw PythonError.ValueError($"could not convert string to float: {PyRepr.ReprString(s)}");
    }

    /// <summary>Pads to <paramref name="width"/> code points.</summary>
    public static void Pad(StringBuilder sb, string text, int width, char align, string fill)
    {
        int len = PyString.Length(text);
        int pad = width - len;
        if (pad <= 0)
        {
            sb.Append(text);
            return;
        }
        int left = align switch
        {
            '<' => 0,
            '^' => pad / 2,
            _ => pad,
        };
        for (int i = 0; i < left; i++)
        {
            sb.Append(fill);
        }
        sb.Append(text);
        for (int i = 0; i < pad - left; i++)
        {
            sb.Append(fill);
        }
    }
}
