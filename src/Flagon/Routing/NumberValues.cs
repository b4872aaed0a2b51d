using System.Globalization;
using System.Numerics;

namespace Flagon.Routing;

/// <summary>Python number semantics for the int and float converters (parsing, int(), float(), comparisons).</summary>
internal static class NumberValues
{
    /// <summary>Parses <c>-?\d+</c> text (Unicode digits allowed) to long, or BigInteger when it overflows.</summary>
    public static object ParseInteger(ReadOnlySpan<char> text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        long acc = 0;
        var i = 0;
        for (; i < digits.Length; i++)
        {
            var d = DigitValue(digits[i]);
            if (acc > (long.MaxValue - d) / 10)
            {
                break;
            }
            acc = acc * 10 + d;
        }
        if (i == digits.Length)
        {
            return negative ? -acc : acc;
        }
        BigInteger big = acc;
        for (; i < digits.Length; i++)
        {
            big = big * 10 + DigitValue(digits[i]);
        }
        return negative ? -big : big;
    }

    /// <summary>The value of a Unicode decimal digit.</summary>
    public static int DigitValue(char c) => c is >= '0' and <= '9' ? c - '0' : (int)char.GetNumericValue(c);

    /// <summary>True for the characters Python's <c>\d</c> matches (Unicode decimal digits).</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9' || (c > 127 && char.IsDigit(c));

    /// <summary>Python's <c>int(value)</c> for building URLs.</summary>
    /// <exception cref="ArgumentException">The value has no integer meaning.</exception>
    public static object ToInteger(object? value) => value switch
    {
        long l => l,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul => ul <= long.MaxValue ? (long)ul : (BigInteger)ul,
        bool flag => flag ? 1L : 0L,
        BigInteger big => big,
        double d when double.IsFinite(d) => Shrink(new BigInteger(Math.Truncate(d))),
        float f when float.IsFinite(f) => Shrink(new BigInteger(Math.Truncate(f))),
        decimal m => Shrink(new BigInteger(decimal.Truncate(m))),
        string s when ConverterArguments.TryParsePyInt(s, out var parsed) => parsed!,
        _ => throw new ArgumentException($"invalid literal for int() with base 10: {Repr(value)}"),
    };

    /// <summary>Python's <c>float(value)</c> for building URLs.</summary>
    /// <exception cref="ArgumentException">The value has no float meaning.</exception>
    public static double ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        long l => l,
        int i => i,
        decimal m => (double)m,
        bool flag => flag ? 1 : 0,
        BigInteger big => (double)big,
        short or byte or sbyte or ushort or uint or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        string s when ConverterArguments.TryParsePyFloat(s, out var parsed) => parsed,
        _ => throw new ArgumentException($"could not convert string to float: {Repr(value)}"),
    };

    private static string Repr(object? value) => value is string s ? PyText.Repr(s) : PyText.Str(value);

    private static object Shrink(BigInteger value) => value >= long.MinValue && value <= long.MaxValue ? (long)value : value;

    /// <summary>Compares two Python numbers (long, double, BigInteger); NaN compares as unordered (false).</summary>
    public static int Compare(object a, object b)
    {
        if (a is long la && b is long lb)
        {
            return la.CompareTo(lb);
        }
        if (a is double || b is double)
        {
            var da = ToDouble(a);
            var db = ToDouble(b);
            return da.CompareTo(db);
        }
        return ToBig(a).CompareTo(ToBig(b));
    }

    private static BigInteger ToBig(object value) => value switch
    {
        long l => l,
        BigInteger big => big,
        _ => new BigInteger(ToDouble(value)),
    };

    /// <summary>True when either operand is NaN (every comparison with NaN is false in Python).</summary>
    public static bool IsNaN(object value) => value is double d && double.IsNaN(d);
}
