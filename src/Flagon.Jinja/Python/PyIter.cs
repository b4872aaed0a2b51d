using System.Collections;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>Python's <c>iter(x)</c> over the value model: strings yield code points, dictionaries their keys.</summary>
public static class PyIter
{
    /// <summary>Iterates <paramref name="value"/> as Python would; TypeError "'int' object is not iterable" otherwise.</summary>
    public static IEnumerable<object?> Iterate(object? value)
    {
        switch (value)
        {
            case string s:
                return Chars(s);
            case Markup m:
                return Chars(m.Value);
            case PyTuple t:
                return t;
            case List<object?> l:
                return l;
        }
        if (PyMapping.TryWrap(value, out var map))
        {
            return map.Keys;
        }
        if (value is IEnumerable e && !PyNumber.IsNumber(value))
        {
            return e.Cast<object?>();
        }
        throw PythonError.TypeError($"'{PyOps.TypeName(value)}' object is not iterable");
    }

    private static IEnumerable<object?> Chars(string s)
    {
        for (int i = 0; i < s.Length;)
        {
            PyString.CodePointAt(s, i, out int u);
            yield return s.Substring(i, u);
            i += u;
        }
    }
}
