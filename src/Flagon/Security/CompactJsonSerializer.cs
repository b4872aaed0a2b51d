using System.Collections;
using System.Runtime.CompilerServices;
using Flagon.Jinja.Runtime;

namespace Flagon.Security;

/// <summary>
/// itsdangerous' default payload format: Python's <c>json.dumps</c> with <c>separators=(",", ":")</c>
/// and <c>ensure_ascii=False</c>, keys in insertion order. Values: null, bool, numbers, strings,
/// lists/arrays/tuples (as arrays) and string-keyed dictionaries. Reading gives <c>long</c>/<c>BigInteger</c>,
/// <c>double</c>, <c>string</c>, <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>.
/// </summary>
public sealed class CompactJsonSerializer : IPayloadSerializer
{
    /// <summary>The shared instance.</summary>
    public static readonly CompactJsonSerializer Instance = new();

    /// <inheritdoc />
    public string Dumps(object? value)
    {
        var w = new PyJsonWriter(ensureAscii: false);
        Write(w, value, 0);
        return w.ToString();
    }

    /// <inheritdoc />
    public object? Loads(string text) => PyJsonReader.Parse(text);

    private static void Write(PyJsonWriter w, object? value, int depth)
    {
        if (depth > PyJsonReader.MaxDepth)
        {
            throw new InvalidOperationException("Value is nested too deeply (or contains itself) to be serialized.");
        }
        switch (value)
        {
            case null: w.Null(); return;
            case bool b: w.Bool(b); return;
            case string s: w.String(s); return;
            case char c: w.String(c.ToString()); return;
            case Markup m: w.String(m.Value); return;
        }
        if (w.TryNumber(value))
        {
            return;
        }
        if (JsonShapes.TryGetObject(value, out var entries))
        {
            WriteObject(w, entries, depth);
            return;
        }
        switch (value)
        {
            case ITuple tuple:
                w.Raw('[');
                for (int i = 0; i < tuple.Length; i++)
                {
                    if (i > 0)
                    {
                        w.Raw(',');
                    }
                    Write(w, tuple[i], depth + 1);
                }
                w.Raw(']');
                return;
            case IEnumerable seq and not byte[]:
                w.Raw('[');
                bool first = true;
                foreach (var item in seq)
                {
                    if (!first)
                    {
                        w.Raw(',');
                    }
                    first = false;
                    Write(w, item, depth + 1);
                }
                w.Raw(']');
                return;
            default:
                throw new InvalidOperationException($"Object of type {value.GetType().Name} is not JSON serializable");
        }
    }

    private static void WriteObject(PyJsonWriter w, List<KeyValuePair<string, object?>> items, int depth)
    {
        w.Raw('{');
        bool first = true;
        foreach (var (key, item) in items)
        {
            if (!first)
            {
                w.Raw(',');
            }
            first = false;
            w.String(key);
            w.Raw(':');
            Write(w, item, depth + 1);
        }
        w.Raw('}');
    }
}
