using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's <c>json</c> module over the value model: <see cref="Loads"/> (objects keep file order as
/// <see cref="PyDict"/>, integers of any size, <c>NaN</c>/<c>Infinity</c>) and <see cref="Dumps"/> with
/// <c>json.dumps</c>'s exact output; <see cref="HtmlSafeDumps"/> is Jinja's <c>|tojson</c>.
/// </summary>
public static class PyJson
{
    /// <summary>Deepest nesting decoded or encoded before raising RecursionError.</summary>
    public const int MaxDepth = 900;

    private const int MaxIntDigits = 4300;

    /// <summary>Python's <c>json.loads(text)</c>; errors are <c>JSONDecodeError</c> with Python's message and position.</summary>
    public static object? Loads(string json)
    {
        var p = new Parser(json);
        int i = p.SkipWs(0);
        var value = p.Value(ref i, 0);
        i = p.SkipWs(i);
        if (i != json.Length)
        {
            throw p.Error("Extra data", i);
        }
        return value;
    }

    private sealed class Parser(string s)
    {
        public int SkipWs(int i)
        {
            while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
            {
                i++;
            }
            return i;
        }

        public PythonError Error(string msg, int pos)
        {
            int line = 1, lastNl = -1;
            for (int k = 0; k < pos && k < s.Length; k++)
            {
                if (s[k] == '\n')
                {
                    line++;
                    lastNl = k;
                }
            }
            // Python counts characters (code points); convert the UTF-16 offsets.
            int cpPos = PyString.ToCodePointIndex(s, Math.Min(pos, s.Length)) + Math.Max(0, pos - s.Length);
            int cpCol = cpPos - (lastNl < 0 ? 0 : PyString.ToCodePointIndex(s, lastNl + 1)) + 1;
            return new PythonError("JSONDecodeError", $"{msg}: line {line} column {cpCol} (char {cpPos})");
        }

        public object? Value(ref int i, int depth)
        {
            if (i >= s.Length)
            {
                throw Error("Expecting value", i);
            }
            char c = s[i];
            switch (c)
            {
                case '"':
                    return String(ref i);
                case '{':
                    return Object(ref i, depth + 1);
                case '[':
                    return Array(ref i, depth + 1);
                case 'n' when Match(i, "null"):
                    i += 4;
                    return null;
                case 't' when Match(i, "true"):
                    i += 4;
                    return true;
                case 'f' when Match(i, "false"):
                    i += 5;
                    return false;
                case 'N' when Match(i, "NaN"):
                    i += 3;
                    return double.NaN;
                case 'I' when Match(i, "Infinity"):
                    i += 8;
                    return double.PositiveInfinity;
                case '-' when Match(i, "-Infinity"):
                    i += 9;
                    return double.NegativeInfinity;
            }
            if (c == '-' || (c >= '0' && c <= '9'))
            {
                return Number(ref i);
            }
            throw Error("Expecting value", i);
        }

        private bool Match(int i, string word) => string.CompareOrdinal(s, i, word, 0, word.Length) == 0;

        private object Number(ref int i)
        {
            int start = i;
            if (s[i] == '-')
            {
                i++;
            }
            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                throw Error("Expecting value", start);
            }
            if (s[i] == '0')
            {
                i++;
            }
            else
            {
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }
            }
            int intEnd = i;
            bool isFloat = false;
            if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
            {
                isFloat = true;
                i += 2;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }
            }
            if (i < s.Length && s[i] is 'e' or 'E')
            {
                int k = i + 1;
                if (k < s.Length && s[k] is '+' or '-')
                {
                    k++;
                }
                if (k < s.Length && char.IsAsciiDigit(s[k]))
                {
                    while (k < s.Length && char.IsAsciiDigit(s[k]))
                    {
                        k++;
                    }
                    isFloat = true;
                    i = k;
                }
            }
            string text = s[start..i];
            if (isFloat)
            {
                return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            int digits = intEnd - start - (s[start] == '-' ? 1 : 0);
            if (digits > MaxIntDigits)
            {
                throw PythonError.ValueError($"Exceeds the limit ({MaxIntDigits} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
            }
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            {
                return l;
            }
            return PyNumber.Normalize(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        private string String(ref int i)
        {
            int begin = i;
            i++;
            var sb = new StringBuilder();
            while (true)
            {
                if (i >= s.Length)
                {
                    throw Error("Unterminated string starting at", begin);
                }
                char c = s[i];
                if (c == '"')
                {
                    i++;
                    return sb.ToString();
                }
                if (c == '\\')
                {
                    if (i + 1 >= s.Length)
                    {
                        throw Error("Unterminated string starting at", begin);
                    }
                    char e = s[i + 1];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (i + 6 > s.Length || !ushort.TryParse(s.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort u)
                                || s.AsSpan(i + 2, 4).ContainsAny('+', '-'))
                            {
                                throw Error("Invalid \\uXXXX escape", i + 1);
                            }
                            sb.Append((char)u);
                            i += 6;
                            continue;
                        default:
                            throw Error("Invalid \\escape", i);
                    }
                    i += 2;
                    continue;
                }
                if (c < 0x20)
                {
                    throw Error("Invalid control character at", i);
                }
                sb.Append(c);
                i++;
            }
        }

        private PyDict Object(ref int i, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new PythonError("RecursionError", "maximum recursion depth exceeded while decoding a JSON object from a unicode string");
            }
            var d = new PyDict();
            i = SkipWs(i + 1);
            if (i < s.Length && s[i] == '}')
            {
                i++;
                return d;
            }
            while (true)
            {
                if (i >= s.Length || s[i] != '"')
                {
                    throw Error("Expecting property name enclosed in double quotes", i);
                }
                string key = String(ref i);
                i = SkipWs(i);
                if (i >= s.Length || s[i] != ':')
                {
                    throw Error("Expecting ':' delimiter", i);
                }
                i = SkipWs(i + 1);
                d[key] = Value(ref i, depth);
                i = SkipWs(i);
                if (i < s.Length && s[i] == '}')
                {
                    i++;
                    return d;
                }
                if (i >= s.Length || s[i] != ',')
                {
                    throw Error("Expecting ',' delimiter", i);
                }
                i = SkipWs(i + 1);
            }
        }

        private List<object?> Array(ref int i, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new PythonError("RecursionError", "maximum recursion depth exceeded while decoding a JSON array from a unicode string");
            }
            var list = new List<object?>();
            i = SkipWs(i + 1);
            if (i < s.Length && s[i] == ']')
            {
                i++;
                return list;
            }
            while (true)
            {
                list.Add(Value(ref i, depth));
                i = SkipWs(i);
                if (i < s.Length && s[i] == ']')
                {
                    i++;
                    return list;
                }
                if (i >= s.Length || s[i] != ',')
                {
                    throw Error("Expecting ',' delimiter", i);
                }
                i = SkipWs(i + 1);
            }
        }
    }

    /// <summary>A float as <c>json.dumps</c> writes it: Python's repr, and <c>NaN</c>/<c>Infinity</c> for the specials.</summary>
    public static string FloatText(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : PyFloat.Repr(d);

    /// <summary>Appends <paramref name="s"/> as a quoted JSON string with <c>json.dumps</c>' escaping.</summary>
    public static void AppendString(StringBuilder sb, string s, bool ensureAscii)
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
                    if (c < 0x20 || (ensureAscii && c > 0x7E))
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

    /// <summary>
    /// Python's <c>json.dumps</c>: <paramref name="indent"/> is null, an int or a string;
    /// <paramref name="separators"/> defaults to <c>(', ', ': ')</c>, or <c>(',', ': ')</c> when indenting.
    /// </summary>
    public static string Dumps(object? value, bool sortKeys = false, object? indent = null, (string Item, string Key)? separators = null, bool ensureAscii = true)
    {
        string? indentUnit = indent switch
        {
            null => null,
            string s => s,
            Markup m => m.Value,
            _ when PyNumber.IsInt(indent) => new string(' ', (int)Math.Clamp((long)PyNumber.ToBig(indent), 0, 10_000)),
            _ => throw PythonError.TypeError($"can't multiply sequence by non-int of type '{PyOps.TypeName(indent)}'"),
        };
        var (item, key) = separators ?? (indentUnit is null ? (", ", ": ") : (",", ": "));
        var w = new Writer(sortKeys, indentUnit, item, key, ensureAscii);
        w.Write(value, 0);
        return w.ToString();
    }

    /// <summary>Jinja's <c>|tojson</c>: <c>json.dumps(sort_keys=True)</c> with <c>&lt; &gt; &amp; '</c> escaped as <c>\u003c \u003e \u0026 \u0027</c>.</summary>
    public static Markup HtmlSafeDumps(object? value, object? indent = null)
    {
        string json = Dumps(value, sortKeys: true, indent: indent);
        var sb = new StringBuilder(json.Length + 16);
        foreach (char c in json)
        {
            switch (c)
            {
                case '<': sb.Append("\\u003c"); break;
                case '>': sb.Append("\\u003e"); break;
                case '&': sb.Append("\\u0026"); break;
                case '\'': sb.Append("\\u0027"); break;
                default: sb.Append(c); break;
            }
        }
        return new Markup(sb.ToString());
    }

    private sealed class Writer(bool sortKeys, string? indent, string itemSep, string keySep, bool ensureAscii)
    {
        private readonly StringBuilder _sb = new();
        private readonly List<object> _active = [];

        public override string ToString() => _sb.ToString();

        private void NewLine(int level)
        {
            if (indent is null)
            {
                return;
            }
            _sb.Append('\n');
            for (int i = 0; i < level; i++)
            {
                _sb.Append(indent);
            }
        }

        public void Write(object? v, int level)
        {
            switch (v)
            {
                case null:
                    _sb.Append("null");
                    return;
                case bool b:
                    _sb.Append(b ? "true" : "false");
                    return;
                case string s:
                    WriteString(s);
                    return;
                case Markup m:
                    WriteString(m.Value);
                    return;
            }
            if (PyNumber.IsInt(v))
            {
                _sb.Append(PyRepr.Str(v));
                return;
            }
            if (PyNumber.IsFloat(v))
            {
                _sb.Append(FloatText(PyNumber.ToDouble(v)));
                return;
            }
            bool isList = v is PyTuple || PyOps.IsList(v);
            bool isMap = !isList && PyMapping.IsMapping(v);
            if (!isList && !isMap)
            {
                throw PythonError.TypeError($"Object of type {PyOps.TypeName(v)} is not JSON serializable");
            }
            foreach (var a in _active)
            {
                if (ReferenceEquals(a, v))
                {
                    throw PythonError.ValueError("Circular reference detected");
                }
            }
            if (_active.Count >= MaxDepth)
            {
                throw new PythonError("RecursionError", "maximum recursion depth exceeded while encoding a JSON object");
            }
            _active.Add(v);
            if (isList)
            {
                var items = ((IEnumerable)v).Cast<object?>().ToList();
                if (items.Count == 0)
                {
                    _sb.Append("[]");
                }
                else
                {
                    _sb.Append('[');
                    for (int i = 0; i < items.Count; i++)
                    {
                        if (i > 0)
                        {
                            _sb.Append(itemSep);
                        }
                        NewLine(level + 1);
                        Write(items[i], level + 1);
                    }
                    NewLine(level);
                    _sb.Append(']');
                }
            }
            else
            {
                PyMapping.TryWrap(v, out var map);
                var pairs = map.Pairs.ToList();
                if (pairs.Count == 0)
                {
                    _sb.Append("{}");
                }
                else
                {
                    if (sortKeys)
                    {
                        var order = PyMethods.Sort(pairs.Select(p => p.Key).ToList());
                        var byKey = new List<KeyValuePair<object?, object?>>(pairs.Count);
                        var used = new bool[pairs.Count];
                        foreach (var k in order)
                        {
                            for (int i = 0; i < pairs.Count; i++)
                            {
                                if (!used[i] && ReferenceEquals(pairs[i].Key, k))
                                {
                                    used[i] = true;
                                    byKey.Add(pairs[i]);
                                    break;
                                }
                            }
                        }
                        pairs = byKey;
                    }
                    _sb.Append('{');
                    bool first = true;
                    foreach (var kv in pairs)
                    {
                        string keyText = KeyText(kv.Key);
                        if (!first)
                        {
                            _sb.Append(itemSep);
                        }
                        first = false;
                        NewLine(level + 1);
                        WriteString(keyText);
                        _sb.Append(keySep);
                        Write(kv.Value, level + 1);
                    }
                    NewLine(level);
                    _sb.Append('}');
                }
            }
            _active.RemoveAt(_active.Count - 1);
        }

        private static string KeyText(object? key) => key switch
        {
            string s => s,
            Markup m => m.Value,
            null => "null",
            bool b => b ? "true" : "false",
            _ when PyNumber.IsInt(key) => PyRepr.Str(key),
            _ when PyNumber.IsFloat(key) => FloatText(PyNumber.ToDouble(key)),
            _ => throw PythonError.TypeError($"keys must be str, int, float, bool or None, not {PyOps.TypeName(key)}"),
        };

        private static string FloatText(double d) => PyJson.FloatText(d);

        private void WriteString(string s) => AppendString(_sb, s, ensureAscii);
    }
}
