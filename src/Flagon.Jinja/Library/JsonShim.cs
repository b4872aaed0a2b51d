using System.Globalization;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Library;

/// <summary><c>json.dumps(value, sort_keys=True)</c> for template values (used by <c>tojson</c>).</summary>
internal static class JsonShim
{
    public static string Dumps(object? value, int? indent)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? v, int? indent, int level)
    {
        v = ObjectAdapter.Normalize(v);
        switch (v)
        {
            case null: sb.Append("null"); return;
            case bool b: sb.Append(b ? "true" : "false"); return;
            case long or BigInteger: sb.Append(Ops.Str(v)); return;
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : Ops.FloatRepr(d));
                return;
            case string or Markup: WriteString(sb, Ops.Str(v)); return;
            case PyDict dict:
                {
                    var keys = dict.Select(kv => (Key: Ops.Str(kv.Key is bool kb ? (kb ? "true" : "false") : kv.Key), kv.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                    if (keys.Count == 0)
                    {
                        sb.Append("{}");
                        return;
                    }
                    sb.Append('{');
                    for (int i = 0; i < keys.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(indent is null ? ", " : ",");
                        }
                        NewLine(sb, indent, level + 1);
                        WriteString(sb, keys[i].Key);
                        sb.Append(": ");
                        Write(sb, keys[i].Value, indent, level + 1);
                    }
                    NewLine(sb, indent, level);
                    sb.Append('}');
                    return;
                }
            case Undefined u:
                throw PythonError.TypeError("Object of type Undefined is not JSON serializable");
        }
        if (v is System.Collections.IEnumerable && !ObjectAdapter.IsMapping(v))
        {
            var items = Ops.Iterate(v).ToList();
            if (items.Count == 0)
            {
                sb.Append("[]");
                return;
            }
            sb.Append('[');
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(indent is null ? ", " : ",");
                }
                NewLine(sb, indent, level + 1);
                Write(sb, items[i], indent, level + 1);
            }
            NewLine(sb, indent, level);
            sb.Append(']');
            return;
        }
        if (ObjectAdapter.IsMapping(v))
        {
            var d = new PyDict();
            foreach (var k in Ops.Iterate(v))
            {
                Ops.TryGetItem(v, k, out var val);
                d[k!] = val;
            }
            Write(sb, d, indent, level);
            return;
        }
        throw PythonError.TypeError($"Object of type {Ops.TypeName(v)} is not JSON serializable");
    }

    private static void NewLine(StringBuilder sb, int? indent, int level)
    {
        if (indent is int n)
        {
            sb.Append('\n').Append(' ', n * level);
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
