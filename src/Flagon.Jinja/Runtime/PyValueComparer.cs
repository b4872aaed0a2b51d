using System.Numerics;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// Python's <c>==</c> and <c>hash</c> for dictionary keys and membership: numbers compare by value
/// across <c>bool</c>, <c>long</c>, <c>BigInteger</c> and <c>double</c> (<c>1 == 1.0 == True</c>),
/// strings and <see cref="Markup"/> by text, tuples item by item.
/// </summary>
public sealed class PyValueComparer : IEqualityComparer<object?>
{
    /// <summary>The shared instance.</summary>
    public static readonly PyValueComparer Instance = new();

    /// <inheritdoc />
    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }
        if (x is null || y is null)
        {
            return false;
        }
        if (IsNumber(x) && IsNumber(y))
        {
            return NumbersEqual(x, y);
        }
        return (x, y) switch
        {
            (string a, string b) => a == b,
            (string a, Markup b) => a == b.Value,
            (Markup a, string b) => a.Value == b,
            (Markup a, Markup b) => a.Value == b.Value,
            _ => x.Equals(y),
        };
    }

    /// <inheritdoc />
    public int GetHashCode(object? obj) => obj switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        long l => l.GetHashCode(),
        int i => ((long)i).GetHashCode(),
        BigInteger big when big >= long.MinValue && big <= long.MaxValue => ((long)big).GetHashCode(),
        BigInteger big => big.GetHashCode(),
        double d when Math.Floor(d) == d && d >= long.MinValue && d < 9.2233720368547758E18 => ((long)d).GetHashCode(),
        double d => d.GetHashCode(),
        string s => s.GetHashCode(StringComparison.Ordinal),
        Markup m => m.Value.GetHashCode(StringComparison.Ordinal),
        _ => obj.GetHashCode(),
    };

    private static bool IsNumber(object value) => value is bool or long or int or double or BigInteger;

    private static bool NumbersEqual(object x, object y)
    {
        if (x is double || y is double)
        {
            double dx = ToDouble(x), dy = ToDouble(y);
            // A BigInteger beyond double range is never equal to a finite double.
            return dx == dy && (x is not BigInteger bx || (BigInteger)dy == bx) && (y is not BigInteger by || (BigInteger)dx == by);
        }
        return ToBig(x) == ToBig(y);
    }

    private static double ToDouble(object v) => v switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        int i => i,
        BigInteger big => (double)big,
        _ => (double)v,
    };

    private static BigInteger ToBig(object v) => v switch
    {
        bool b => b ? BigInteger.One : BigInteger.Zero,
        long l => l,
        int i => i,
        _ => (BigInteger)v,
    };
}
