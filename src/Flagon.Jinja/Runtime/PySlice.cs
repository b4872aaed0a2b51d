namespace Flagon.Jinja.Runtime;

/// <summary>A Python slice object (<c>start:stop:step</c>, each possibly None).</summary>
internal sealed class PySlice(object? start, object? stop, object? step)
{
    public object? Start { get; } = start;
    public object? Stop { get; } = stop;
    public object? Step { get; } = step;

    /// <summary>Resolved indices for a sequence of <paramref name="length"/> items, as Python's <c>slice.indices</c>.</summary>
    public (int Start, int Stop, int Step) Indices(int length)
    {
        long step = ToLong(Step, 1);
        if (step == 0)
        {
            throw PythonError.ValueError("slice step cannot be zero");
        }
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? length - 1 : length;
        long Clamp(object? v, long dflt)
        {
            if (v is null)
            {
                return dflt;
            }
            long x = ToLong(v, 0);
            if (x < 0)
            {
                x += length;
                return x < lower ? lower : x;
            }
            return x > upper ? upper : x;
        }
        long start = Clamp(Start, step < 0 ? upper : lower);
        long stop = Clamp(Stop, step < 0 ? lower : upper);
        return ((int)start, (int)stop, (int)step);
    }

    private static long ToLong(object? v, long dflt) => v switch
    {
        null => dflt,
        long l => l,
        bool b => b ? 1 : 0,
        System.Numerics.BigInteger big => big > long.MaxValue ? long.MaxValue : big < long.MinValue ? long.MinValue : (long)big,
        _ => throw PythonError.TypeError("slice indices must be integers or None or have an __index__ method"),
    };
}

/// <summary>Enumerates resolved slice indices.</summary>
internal static class SliceIndicesExtensions
{
    public static IEnumerable<int> Enumerate(this (int Start, int Stop, int Step) s)
    {
        if (s.Step > 0)
        {
            for (int i = s.Start; i < s.Stop; i += s.Step)
            {
                yield return i;
            }
        }
        else
        {
            for (int i = s.Start; i > s.Stop; i += s.Step)
            {
                yield return i;
            }
        }
    }
}
