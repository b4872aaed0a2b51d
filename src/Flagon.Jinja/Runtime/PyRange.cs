using System.Collections;
using System.Globalization;
using System.Numerics;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// Python's <c>range</c>: a lazy arithmetic sequence that prints as <c>range(0, 3)</c>. Bounds are
/// Python ints of any size; items fit in a long on the fast path and promote past 64 bits.
/// </summary>
internal sealed class PyRange : IReadOnlyList<object?>
{
    private readonly bool _small;

    public PyRange(BigInteger start, BigInteger stop, BigInteger step)
    {
        if (step.IsZero)
        {
            throw PythonError.ValueError("range() arg 3 must not be zero");
        }
        Start = start;
        Stop = stop;
        Step = step;
        var n = step.Sign > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        Count = (int)BigInteger.Max(0, BigInteger.Min(n, int.MaxValue));
        // Every item (and the arithmetic producing it) stays within a long.
        _small = Fits(start) && Fits(stop) && Fits(step) && Fits(start + (step * Count));
    }

    public BigInteger Start { get; }
    public BigInteger Stop { get; }
    public BigInteger Step { get; }
    public int Count { get; }

    public object? this[int index] => _small ? (long)Start + (index * (long)Step) : Narrow(Start + (index * Step));

    public object Slice(PySlice slice)
    {
        var (s, e, st) = slice.Indices(Count);
        return new PyRange(Start + (s * Step), Start + (e * Step), Step * st);
    }

    public bool Contains(long value) => Contains(new BigInteger(value));

    public bool Contains(BigInteger value) =>
        Step.Sign > 0
            ? value >= Start && value < Stop && BigInteger.Remainder(value - Start, Step).IsZero
            : value <= Start && value > Stop && BigInteger.Remainder(Start - value, -Step).IsZero;

    /// <summary>Python's <c>range == range</c>: equal when they produce the same items.</summary>
    public bool SameItems(PyRange other) =>
        Count == other.Count && (Count == 0 || (Start == other.Start && (Count == 1 || Step == other.Step)));

    public IEnumerator<object?> GetEnumerator()
    {
        if (_small)
        {
            long start = (long)Start, step = (long)Step;
            for (int i = 0; i < Count; i++)
            {
                yield return start + (i * step);
            }
            yield break;
        }
        for (int i = 0; i < Count; i++)
        {
            yield return Narrow(Start + (i * Step));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Step.IsOne ? $"range({Text(Start)}, {Text(Stop)})" : $"range({Text(Start)}, {Text(Stop)}, {Text(Step)})";

    private static string Text(BigInteger v) => v.ToString(CultureInfo.InvariantCulture);

    private static bool Fits(BigInteger v) => v >= long.MinValue && v <= long.MaxValue;

    private static object Narrow(BigInteger v) => Fits(v) ? (long)v : v;
}
