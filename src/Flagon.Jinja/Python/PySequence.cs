using System.Collections;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's <c>len()</c>, <c>seq[i]</c> and <c>seq[start:stop:step]</c> for strings (by code point),
/// Markup (stays Markup), lists, tuples and other .NET lists, with Python's errors.
/// </summary>
public static class PySequence
{
    /// <summary>Python's <c>len(x)</c>; TypeError "object of type 'int' has no len()".</summary>
    public static long Len(object? value)
    {
        switch (value)
        {
            case string s:
                return PyString.Length(s);
            case Markup m:
                return PyString.Length(m.Value);
            case ICollection c:
                return c.Count;
            case PyTuple t:
                return t.Count;
            case PyDictView v:
                return v.Count;
        }
        if (PyMapping.TryWrap(value, out var map))
        {
            return map.Count;
        }
        if (value is IReadOnlyCollection<object?> rc)
        {
            return rc.Count;
        }
        throw PythonError.TypeError($"object of type '{PyOps.TypeName(value)}' has no len()");
    }

    /// <summary>Python's <c>seq[index]</c> for an integer index on str, Markup, list or tuple (negative counts from the end).</summary>
    public static object? GetItem(object? seq, object? index)
    {
        if (!PyNumber.IsInt(index))
        {
            string what = seq is string or Markup ? "string" : PyOps.TypeName(seq);
            throw PythonError.TypeError(seq is string or Markup
                ? $"string indices must be integers, not '{PyOps.TypeName(index)}'"
                : $"{what} indices must be integers or slices, not {PyOps.TypeName(index)}");
        }
        BigInteger big = PyNumber.ToBig(index!);
        switch (seq)
        {
            case string s:
                return CharAt(s, big);
            case Markup m:
                return new Markup(CharAt(m.Value, big));
            case PyTuple t:
                return t[Normalize(big, t.Count, "tuple index out of range")];
        }
        if (PyOps.IsList(seq))
        {
            var l = (IList)seq!;
            return l[Normalize(big, l.Count, "list index out of range")];
        }
        throw PythonError.TypeError($"'{PyOps.TypeName(seq)}' object is not subscriptable");
    }

    private static int Normalize(BigInteger i, int count, string message)
    {
        if (i < 0)
        {
            i += count;
        }
        if (i < 0 || i >= count)
        {
            throw PythonError.IndexError(message);
        }
        return (int)i;
    }

    private static string CharAt(string s, BigInteger index)
    {
        if (!PyString.HasSurrogates(s))
        {
            return s[Normalize(index, s.Length, "string index out of range")].ToString();
        }
        var cps = PyString.CodePoints(s);
        return PyString.FromCodePoints(cps.AsSpan(Normalize(index, cps.Length, "string index out of range"), 1));
    }

    /// <summary>Python's <c>slice(start, stop, step).indices(length)</c>: bounds clamped as CPython does.</summary>
    public static (long Start, long Stop, long Step, long Count) Indices(object? start, object? stop, object? step, long length)
    {
        long st = 1;
        if (step is not null)
        {
            st = SliceInt(step);
            if (st == 0)
            {
                throw PythonError.ValueError("slice step cannot be zero");
            }
        }
        long lower = st < 0 ? -1 : 0;
        long upper = st < 0 ? length - 1 : length;
        long Adjust(object? v, long dflt)
        {
            if (v is null)
            {
                return dflt;
            }
            long x = SliceInt(v);
            if (x < 0)
            {
                x += length;
                return x < lower ? lower : x;
            }
            return x > upper ? upper : x;
        }
        long a = Adjust(start, st < 0 ? upper : lower);
        long b = Adjust(stop, st < 0 ? lower : upper);
        long count = st < 0 ? (b < a ? (a - b - 1) / -st + 1 : 0) : (a < b ? (b - a - 1) / st + 1 : 0);
        return (a, b, st, count);
    }

    private static long SliceInt(object v)
    {
        if (!PyNumber.IsInt(v))
        {
            throw PythonError.TypeError("slice indices must be integers or None or have an __index__ method");
        }
        var big = PyNumber.ToBig(v);
        return big > long.MaxValue / 2 ? long.MaxValue / 2 : big < long.MinValue / 2 ? long.MinValue / 2 : (long)big;
    }

    /// <summary>Python's <c>seq[start:stop:step]</c> (null = omitted) on str, Markup, list or tuple; the result keeps the type.</summary>
    public static object Slice(object? seq, object? start, object? stop, object? step)
    {
        switch (seq)
        {
            case string s:
                return SliceString(s, start, stop, step);
            case Markup m:
                return new Markup(SliceString(m.Value, start, stop, step));
            case PyTuple t:
                {
                    var (a, _, st, n) = Indices(start, stop, step, t.Count);
                    var items = new object?[n];
                    for (long i = 0; i < n; i++)
                    {
                        items[i] = t[(int)(a + i * st)];
                    }
                    return new PyTuple(items);
                }
        }
        if (PyOps.IsList(seq))
        {
            var l = (IList)seq!;
            var (a, _, st, n) = Indices(start, stop, step, l.Count);
            var result = new List<object?>((int)n);
            for (long i = 0; i < n; i++)
            {
                result.Add(l[(int)(a + i * st)]);
            }
            return result;
        }
        throw PythonError.TypeError($"'{PyOps.TypeName(seq)}' object is not subscriptable");
    }

    private static string SliceString(string s, object? start, object? stop, object? step)
    {
        if (!PyString.HasSurrogates(s))
        {
            var (a, _, st, n) = Indices(start, stop, step, s.Length);
            if (st == 1)
            {
                return s.Substring((int)a, (int)n);
            }
            var sb = new StringBuilder((int)n);
            for (long i = 0; i < n; i++)
            {
                sb.Append(s[(int)(a + i * st)]);
            }
            return sb.ToString();
        }
        var cps = PyString.CodePoints(s);
        var (a2, _, st2, n2) = Indices(start, stop, step, cps.Length);
        var picked = new int[n2];
        for (long i = 0; i < n2; i++)
        {
            picked[i] = cps[a2 + i * st2];
        }
        return PyString.FromCodePoints(picked);
    }
}
