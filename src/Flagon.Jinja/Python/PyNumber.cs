using System.Numerics;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's number tower over the value model: <c>bool</c> and every .NET integer type are Python
/// <c>int</c>; <c>double</c>, <c>float</c> and <c>decimal</c> are Python <c>float</c>. Exact
/// int/float conversions and comparisons as CPython does them.
/// </summary>
public static class PyNumber
{
    private const long TwoPow53 = 1L << 53;

    /// <summary>Whether <paramref name="value"/> is a Python int (bool included).</summary>
    public static bool IsInt(object? value) => value is long or bool or int or BigInteger or short or sbyte or byte or ushort or uint or ulong;

    /// <summary>Whether <paramref name="value"/> is a Python float.</summary>
    public static bool IsFloat(object? value) => value is double or float or decimal;

    /// <summary>Whether <paramref name="value"/> is a Python number (int, bool or float).</summary>
    public static bool IsNumber(object? value) => IsInt(value) || IsFloat(value);

    /// <summary>An int result in the value model: <c>long</c> when it fits, else <see cref="BigInteger"/>.</summary>
    public static object Normalize(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;

    /// <summary>CPython 3.11's limit on decimal digits when converting an int to or from text.</summary>
    public const int MaxStrDigits = 4300;

    /// <summary>
    /// Python's <c>str(int)</c>: decimal text, raising ValueError beyond <see cref="MaxStrDigits"/> digits
    /// as CPython 3.11 does (which also keeps a template from spending seconds printing a huge number).
    /// </summary>
    public static string ToDecimalString(BigInteger value)
    {
        long bits = BigInteger.Abs(value).GetBitLength();
        if (bits > 64)
        {
            bool tooLong = bits * 0.30102999566398120 > MaxStrDigits + 1;
            string text = tooLong ? "" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (tooLong || text.Length - (value.Sign < 0 ? 1 : 0) > MaxStrDigits)
            {
                throw PythonError.ValueError($"Exceeds the limit ({MaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
            }
            return text;
        }
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a Python int as a <c>long</c> when it fits.</summary>
    public static bool TryGetLong(object? value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case bool b: result = b ? 1 : 0; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte by: result = by; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            case BigInteger big when big >= long.MinValue && big <= long.MaxValue: result = (long)big; return true;
            default: result = 0; return false;
        }
    }

    /// <summary>Reads a Python int as a <see cref="BigInteger"/> (the value must satisfy <see cref="IsInt"/>).</summary>
    public static BigInteger ToBig(object value) => value switch
    {
        BigInteger big => big,
        ulong ul => ul,
        _ when TryGetLong(value, out long l) => l,
        _ => throw new ArgumentException("not an int", nameof(value)),
    };

    /// <summary>Python's <c>float(x)</c> for a number; an int too large raises OverflowError.</summary>
    public static double ToDouble(object value) => value switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        float f => f,
        decimal m => (double)m,
        BigInteger big => BigToDouble(big),
        ulong ul => ul,
        _ when TryGetLong(value, out long l) => l,
        _ => throw new ArgumentException("not a number", nameof(value)),
    };

    /// <summary>Correctly rounded int → float; OverflowError 'int too large to convert to float'.</summary>
    public static double BigToDouble(BigInteger value)
    {
        if (value >= -TwoPow53 && value <= TwoPow53)
        {
            return (double)(long)value;
        }
        return RatioToDouble(value, BigInteger.One, "int too large to convert to float");
    }

    /// <summary>n / d correctly rounded to a double (half-even); OverflowError with <paramref name="overflowMessage"/>.</summary>
    public static double RatioToDouble(BigInteger n, BigInteger d, string overflowMessage)
    {
        bool negative = (n.Sign < 0) ^ (d.Sign < 0);
        n = BigInteger.Abs(n);
        d = BigInteger.Abs(d);
        if (n.IsZero)
        {
            return negative ? -0.0 : 0.0;
        }
        long s = 55 - (n.GetBitLength() - d.GetBitLength());
        if (s > 0)
        {
            n <<= (int)s;
        }
        else if (s < 0)
        {
            d <<= (int)-s;
        }
        BigInteger q = BigInteger.DivRem(n, d, out BigInteger rem);
        bool sticky = !rem.IsZero;
        long bits = q.GetBitLength();
        long t = Math.Max(bits - 53, s - 1074);
        BigInteger m;
        if (t > 0)
        {
            BigInteger mask = (BigInteger.One << (int)t) - 1;
            BigInteger low = q & mask;
            m = q >> (int)t;
            BigInteger half = BigInteger.One << (int)(t - 1);
            int c = low.CompareTo(half);
            if (c > 0 || (c == 0 && (sticky || !m.IsEven)))
            {
                m += 1;
            }
        }
        else
        {
            m = q;
        }
        long scale = t - s;
        if (scale + m.GetBitLength() > 1024)
        {
            throw PythonError.Overflow(overflowMessage);
        }
        double result = Math.ScaleB((double)(long)m, (int)scale);
        if (double.IsInfinity(result))
        {
            throw PythonError.Overflow(overflowMessage);
        }
        return negative ? -result : result;
    }

    /// <summary>
    /// Exact comparison of two Python numbers; <c>null</c> when unordered (a NaN is involved).
    /// </summary>
    public static int? Compare(object a, object b)
    {
        if (a is long la && b is long lb)
        {
            return la.CompareTo(lb);
        }
        bool af = IsFloat(a), bf = IsFloat(b);
        if (af && bf)
        {
            double x = ToDouble(a), y = ToDouble(b);
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return null;
            }
            return x < y ? -1 : x > y ? 1 : 0;
        }
        if (af)
        {
            return -CompareIntFloat(b, ToDouble(a));
        }
        if (bf)
        {
            return CompareIntFloat(a, ToDouble(b));
        }
        if (TryGetLong(a, out long x1) && TryGetLong(b, out long y1))
        {
            return x1.CompareTo(y1);
        }
        return ToBig(a).CompareTo(ToBig(b));
    }

    private static int? CompareIntFloat(object i, double d)
    {
        if (double.IsNaN(d))
        {
            return null;
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? -1 : 1;
        }
        if (TryGetLong(i, out long l) && l >= -TwoPow53 && l <= TwoPow53)
        {
            double x = l;
            return x < d ? -1 : x > d ? 1 : 0;
        }
        double floor = Math.Floor(d);
        int c = ToBig(i).CompareTo(new BigInteger(floor));
        if (c != 0)
        {
            return c;
        }
        return d > floor ? -1 : 0;
    }
}
