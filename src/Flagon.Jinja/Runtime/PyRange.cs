using System.Collections;

namespace Flagon.Jinja.Runtime;

/// <summary>Python's <c>range</c>: a lazy arithmetic sequence that prints as <c>range(0, 3)</c>.</summary>
internal sealed class PyRange : IReadOnlyList<object?>
{
    public PyRange(long start, long stop, long step)
    {
        if (step == 0)
        {
            throw PythonError.ValueError("range() arg 3 must not be zero");
        }
        Start = start;
        Stop = stop;
        Step = step;
        long n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        Count = (int)Math.Max(0, Math.Min(n, int.MaxValue));
    }

    public long Start { get; }
    public long Stop { get; }
    public long Step { get; }
    public int Count { get; }

    public object? this[int index] => Start + (index * Step);

    public object Slice(PySlice slice)
    {
        var (s, e, st) = slice.Indices(Count);
        return new PyRange(Start + (s * Step), Start + (e * Step), Step * st);
    }

    public bool Contains(long value) =>
        Step > 0 ? value >= Start && value < Stop && (value - Start) % Step == 0 : value <= Start && value > Stop && (Start - value) % -Step == 0;

    public IEnumerator<object?> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return Start + (i * Step);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Step == 1 ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})";
}
