using System.Globalization;
using System.Numerics;
using System.Text;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's float text: <c>repr</c> (shortest round-trip digits with Python's exponent rules) and
/// correctly rounded fixed/exponent digits for <c>%</c> and <c>format</c>, computed exactly so the
/// output never depends on .NET's formatting choices.
/// </summary>
public static class PyFloat
{
    /// <summary>Python's <c>repr(float)</c> (also its <c>str</c>): <c>1.0</c>, <c>0.1</c>, <c>1e+16</c>, <c>1e-05</c>, <c>inf</c>, <c>nan</c>, <c>-0.0</c>.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }
        var (digits, decpt) = ShortestDigits(value);
        var sb = new StringBuilder(24);
        if (value < 0)
        {
            sb.Append('-');
        }
        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }
            AppendExponent(sb, 'e', decpt - 1);
        }
        else
        {
            AppendFixedFromDigits(sb, digits, decpt, minFraction: 1);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The shortest digits that round-trip to <paramref name="value"/> (finite, non-zero), with the
    /// decimal point position: value = 0.DIGITS × 10^decpt.
    /// </summary>
    public static (string Digits, int DecimalPoint) ShortestDigits(double value)
    {
        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string intPart = dot < 0 ? r : r[..dot];
        string fracPart = dot < 0 ? "" : r[(dot + 1)..];
        string digits = intPart + fracPart;
        int decpt = intPart.Length + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }
        digits = digits[lead..];
        decpt -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return ("0", 1);
        }
        return (digits, decpt);
    }

    /// <summary>
    /// <paramref name="value"/> (finite) rounded half-even on its exact binary value to
    /// <paramref name="precision"/> digits after the point, as <c>'%.Nf'</c> prints it (sign included).
    /// </summary>
    public static string FormatFixed(double value, int precision, bool alternate = false)
    {
        var sb = new StringBuilder();
        if (double.IsNegative(value))
        {
            sb.Append('-');
        }
        AppendFixed(sb, Math.Abs(value), precision, alternate);
        return sb.ToString();
    }

    /// <summary>Appends the absolute value of a finite float in fixed notation with <paramref name="precision"/> decimals.</summary>
    internal static void AppendFixed(StringBuilder sb, double abs, int precision, bool alternate)
    {
        if (TryFormatFixedFast(abs, precision, sb))
        {
            if (precision == 0 && alternate)
            {
                sb.Append('.');
            }
            return;
        }
        BigInteger q = ScaledRound(abs, precision);
        string s = q.ToString(CultureInfo.InvariantCulture);
        if (precision == 0)
        {
            sb.Append(s);
            if (alternate)
            {
                sb.Append('.');
            }
            return;
        }
        if (s.Length <= precision)
        {
            s = new string('0', precision - s.Length + 1) + s;
        }
        sb.Append(s, 0, s.Length - precision).Append('.').Append(s, s.Length - precision, precision);
    }

    /// <summary>
    /// The common case of <see cref="AppendFixed"/> without big integers: .NET's "F" format prints the
    /// exact binary value correctly rounded, like Python, except on an exact tie (.NET rounds half away
    /// from zero, Python half to even), which is detected here and left to the exact path. Limited to
    /// values and precisions where the digits fit a small buffer.
    /// </summary>
    private static bool TryFormatFixedFast(double abs, int precision, StringBuilder sb)
    {
        Span<char> buffer = stackalloc char[40];
        if (!TryFormatFixedFast(abs, precision, buffer, out int written))
        {
            return false;
        }
        sb.Append(buffer[..written]);
        return true;
    }

    /// <summary>The fast path of <see cref="AppendFixed"/> (no alternate form) as a string, or null.</summary>
    internal static string? TryFixedString(double abs, int precision)
    {
        Span<char> buffer = stackalloc char[40];
        return TryFormatFixedFast(abs, precision, buffer, out int written) ? new string(buffer[..written]) : null;
    }

    /// <summary>The fast path of <see cref="AppendFixed"/> (no alternate form) into a buffer of at least 40 characters; false when it does not apply.</summary>
    internal static bool TryFormatFixed(double abs, int precision, Span<char> buffer, out int written) =>
        TryFormatFixedFast(abs, precision, buffer, out written);

    private static bool TryFormatFixedFast(double abs, int precision, Span<char> buffer, out int written)
    {
        written = 0;
        if (precision > 15 || !(abs < 1e15))
        {
            return false;
        }
        if (TryFormatFixedScaled(abs, precision, buffer, out written))
        {
            return true;
        }
        var (mantissa, rawExp) = Decompose(abs);
        // abs × 10^p = (mantissa × 5^p) × 2^(p + e2); with k = -(p + e2) > 0 it is a tie exactly when the
        // low k bits of mantissa × 5^p are 100…0, i.e. when mantissa has k - 1 trailing zero bits (5^p is odd).
        int k = -(precision + rawExp - 1075);
        if (mantissa != 0 && k > 0 && BitOperations.TrailingZeroCount(mantissa) == k - 1)
        {
            return false;
        }
        return abs.TryFormat(buffer, out written, FixedFormats[precision], CultureInfo.InvariantCulture);
    }

    private static readonly ulong[] PowersOf5 = Enumerable.Range(0, 16).Select(p => (ulong)BigInteger.Pow(5, p)).ToArray();

    /// <summary>
    /// round(abs × 10^p) half-even in 128-bit integers: abs × 10^p = mantissa × 5^p / 2^k exactly, so the
    /// quotient and remainder of that shift give the correctly rounded digits (Python's), then the point is
    /// placed. False when the value is an integer at this scale (k ≤ 0), too small for the shift or the
    /// rounded digits do not fit 64 bits; the caller's other paths take those.
    /// </summary>
    private static bool TryFormatFixedScaled(double abs, int precision, Span<char> buffer, out int written)
    {
        written = 0;
        var (mantissa, rawExp) = Decompose(abs);
        int k = 1075 - rawExp - precision;
        if (k <= 0 || k >= 128)
        {
            return false;
        }
        UInt128 n = (UInt128)(ulong)mantissa * PowersOf5[precision];
        UInt128 q = n >> k;
        UInt128 rem = n - (q << k);
        UInt128 half = UInt128.One << (k - 1);
        if (rem > half || (rem == half && (q & UInt128.One) != UInt128.Zero))
        {
            q++;
        }
        if (q > ulong.MaxValue)
        {
            return false;
        }
        Span<char> digits = stackalloc char[20];
        ((ulong)q).TryFormat(digits, out int count, default, CultureInfo.InvariantCulture);
        if (precision == 0)
        {
            digits[..count].CopyTo(buffer);
            written = count;
            return true;
        }
        int whole = count - precision;
        if (whole <= 0)
        {
            // 0.00ddd: a zero, the point, zeros up to the digits.
            buffer[0] = '0';
            buffer[1] = '.';
            buffer.Slice(2, -whole).Fill('0');
            digits[..count].CopyTo(buffer[(2 - whole)..]);
            written = 2 + precision;
            return true;
        }
        digits[..whole].CopyTo(buffer);
        buffer[whole] = '.';
        digits[whole..count].CopyTo(buffer[(whole + 1)..]);
        written = count + 1;
        return true;
    }

    private static readonly string[] FixedFormats = Enumerable.Range(0, 16).Select(p => "F" + p.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// <paramref name="value"/> (finite) in exponent notation with <paramref name="precision"/> digits
    /// after the point, correctly rounded, as <c>'%.Ne'</c> prints it.
    /// </summary>
    public static string FormatExponent(double value, int precision, char e = 'e', bool alternate = false)
    {
        var sb = new StringBuilder();
        if (double.IsNegative(value))
        {
            sb.Append('-');
        }
        var (digits, exp) = SignificantDigits(Math.Abs(value), precision + 1);
        sb.Append(digits[0]);
        if (precision > 0 || alternate)
        {
            sb.Append('.');
        }
        sb.Append(digits, 1, digits.Length - 1);
        AppendExponent(sb, e, exp);
        return sb.ToString();
    }

    /// <summary>
    /// The first <paramref name="count"/> significant digits of a finite non-negative value, rounded
    /// half-even on the exact value, and the decimal exponent of the first digit (0 → zeros, exponent 0).
    /// </summary>
    public static (string Digits, int Exponent) SignificantDigits(double abs, int count)
    {
        if (abs == 0)
        {
            return (new string('0', count), 0);
        }
        int k = (int)Math.Floor(Math.Log10(abs));
        for (int attempt = 0; attempt < 3; attempt++)
        {
            BigInteger q = ScaledRound(abs, count - 1 - k);
            BigInteger low = BigInteger.Pow(10, count - 1);
            if (q < low)
            {
                k--;
                continue;
            }
            if (q >= low * 10)
            {
                if (q == low * 10)
                {
                    return (low.ToString(CultureInfo.InvariantCulture), k + 1);
                }
                k++;
                continue;
            }
            return (q.ToString(CultureInfo.InvariantCulture), k);
        }
        throw new InvalidOperationException("digit generation did not converge");
    }

    /// <summary>The exact binary value of a finite non-negative double: abs = mantissa × 2^(rawExp - 1075).</summary>
    private static (long Mantissa, int RawExp) Decompose(double abs)
    {
        long bits = BitConverter.DoubleToInt64Bits(abs);
        int rawExp = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        return rawExp == 0 ? (mantissa, 1) : (mantissa | (1L << 52), rawExp);
    }

    /// <summary>round(abs × 10^scale) half-even on the exact binary value of <paramref name="abs"/>.</summary>
    internal static BigInteger ScaledRound(double abs, int scale)
    {
        var (mantissa, rawExp) = Decompose(abs);
        int e2 = rawExp - 1075;
        BigInteger num = mantissa;
        BigInteger den = BigInteger.One;
        if (e2 >= 0)
        {
            num <<= e2;
        }
        else
        {
            den <<= -e2;
        }
        if (scale >= 0)
        {
            num *= BigInteger.Pow(10, scale);
        }
        else
        {
            den *= BigInteger.Pow(10, -scale);
        }
        return DivRoundHalfEven(num, den);
    }

    /// <summary>num / den (both positive) rounded half to even.</summary>
    internal static BigInteger DivRoundHalfEven(BigInteger num, BigInteger den)
    {
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        if (r.IsZero)
        {
            return q;
        }
        int c = (r * 2).CompareTo(den);
        if (c > 0 || (c == 0 && !q.IsEven))
        {
            q += 1;
        }
        return q;
    }

    /// <summary>Appends Python's exponent suffix: <c>e+16</c>, <c>e-05</c> (at least two digits).</summary>
    internal static void AppendExponent(StringBuilder sb, char e, int exp)
    {
        sb.Append(e).Append(exp < 0 ? '-' : '+');
        int a = Math.Abs(exp);
        if (a < 10)
        {
            sb.Append('0');
        }
        sb.Append(a.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes DIGITS with the point at <paramref name="decpt"/>, padding with zeros, at least <paramref name="minFraction"/> fraction digits.</summary>
    internal static void AppendFixedFromDigits(StringBuilder sb, string digits, int decpt, int minFraction)
    {
        if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
            int frac = -decpt + digits.Length;
            if (frac < minFraction)
            {
                sb.Append('0', minFraction - frac);
            }
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length);
            if (minFraction > 0)
            {
                sb.Append('.').Append('0', minFraction);
            }
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
            int frac = digits.Length - decpt;
            if (frac < minFraction)
            {
                sb.Append('0', minFraction - frac);
            }
        }
    }
}
