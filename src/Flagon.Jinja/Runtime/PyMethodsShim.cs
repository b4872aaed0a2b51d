namespace Flagon.Jinja.Runtime;

/// <summary>Methods of built-in values (<c>d.items()</c>, <c>s.upper()</c>, <c>l.append(x)</c>).</summary>
internal static class PyMethodsShim
{
    public static bool TryGetMethod(object? target, string name, out object? method)
    {
        Func<object?[], IReadOnlyList<KeyValuePair<string, object?>>?, object?>? body = (target, name) switch
        {
            (PyDict d, "items") => (a, k) => d.Select(kv => (object?)new PyTuple(kv.Key, kv.Value)).ToList(),
            (PyDict d, "keys") => (a, k) => d.Keys.Cast<object?>().ToList(),
            (PyDict d, "values") => (a, k) => d.Values.ToList(),
            (PyDict d, "get") => (a, k) => d.TryGetValue(a[0]!, out var v) ? v : a.Length > 1 ? a[1] : null,
            (PyDict d, "update") => (a, k) =>
            {
                if (a.Length > 0)
                {
                    foreach (var kv in (PyDict)a[0]!)
                    {
                        d[kv.Key] = kv.Value;
                    }
                }
                foreach (var kv in k ?? [])
                {
                    d[kv.Key] = kv.Value;
                }
                return null;
            }
            ,
            (List<object?> l, "append") => (a, k) =>
            {
                l.Add(a[0]);
                return null;
            }
            ,
            (string s, "upper") => (a, k) => s.ToUpperInvariant(),
            (string s, "lower") => (a, k) => s.ToLowerInvariant(),
            (string s, "strip") => (a, k) => a.Length > 0 && a[0] is string cs ? s.Trim(cs.ToCharArray()) : s.Trim(),
            (string s, "startswith") => (a, k) => s.StartsWith(Ops.Str(a[0]), StringComparison.Ordinal),
            (string s, "endswith") => (a, k) => s.EndsWith(Ops.Str(a[0]), StringComparison.Ordinal),
            (string s, "replace") => (a, k) => s.Replace(Ops.Str(a[0]), Ops.Str(a[1]), StringComparison.Ordinal),
            (string s, "split") => (a, k) => (a.Length > 0 && a[0] is string sep
                ? s.Split(sep)
                : s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(x => (object?)x).ToList(),
            (string s, "join") => (a, k) => string.Join(s, Ops.Iterate(a[0]).Select(Ops.Str)),
            _ => null,
        };
        method = body is null ? null : new BoundMethod(target, name, body);
        return body is not null;
    }
}
