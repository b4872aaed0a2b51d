using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Library;

/// <summary>
/// Binds the arguments of a raw built-in filter by Python's rules, for filters whose defaults
/// must be told apart from an explicit <c>none</c> (<c>int(default=none)</c>, <c>default(none)</c>).
/// </summary>
internal static class FilterArgs
{
    /// <summary>
    /// The arguments after the filtered value (<c>a[0]</c>) by parameter name; <paramref name="given"/>
    /// tells which were passed. Too many, unknown or doubled arguments are Python's TypeError.
    /// </summary>
    public static object?[] Bind(string function, object?[] a, IReadOnlyList<KeyValuePair<string, object?>>? k, string[] names, out bool[] given)
    {
        var values = new object?[names.Length];
        given = new bool[names.Length];
        int positional = a.Length - 1;
        if (positional > names.Length)
        {
            throw PythonError.TypeError($"{function}() takes from 1 to {names.Length + 1} positional arguments but {a.Length} were given");
        }
        for (int i = 0; i < positional; i++)
        {
            values[i] = a[i + 1];
            given[i] = true;
        }
        foreach (var (key, value) in k ?? [])
        {
            int at = Array.IndexOf(names, key);
            if (at < 0)
            {
                throw PythonError.TypeError($"{function}() got an unexpected keyword argument '{key}'");
            }
            if (given[at])
            {
                throw PythonError.TypeError($"{function}() got multiple values for argument '{key}'");
            }
            values[at] = value;
            given[at] = true;
        }
        return values;
    }
}
