using System.Globalization;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's <c>str.format</c>: literal braces, automatic and manual numbering, keyword fields,
/// <c>{0.attr}</c> and <c>{0[key]}</c> lookups (through the caller's attribute/item delegates, so the
/// sandbox stays in charge), conversions <c>!s !r !a</c>, nested fields in the spec, and
/// <see cref="FormatSpec"/> for the spec itself. <see cref="FormatMarkup"/> is MarkupSafe's escaping variant.
/// </summary>
public static class StrFormat
{
    private static readonly IReadOnlyDictionary<string, object?> _noKwargs = new Dictionary<string, object?>();

    /// <summary>Python's <c>format.format(*args, **kwargs)</c>; <paramref name="getAttr"/> and <paramref name="getItem"/> resolve <c>.name</c> and <c>[key]</c>.</summary>
    public static string Format(string format, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?>? kwargs,
        Func<object?, string, object?>? getAttr = null, Func<object?, object?, object?>? getItem = null)
    {
        var state = new State(args, kwargs ?? _noKwargs, getAttr, getItem, escape: false);
        var sb = new StringBuilder(format.Length + 16);
        Render(sb, format, state, 2);
        return sb.ToString();
    }

    /// <summary>MarkupSafe's <c>Markup.format</c>: each formatted field is escaped unless it is Markup (which then refuses a spec).</summary>
    public static Markup FormatMarkup(Markup format, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?>? kwargs,
        Func<object?, string, object?>? getAttr = null, Func<object?, object?, object?>? getItem = null)
    {
        var state = new State(args, kwargs ?? _noKwargs, getAttr, getItem, escape: true);
        var sb = new StringBuilder(format.Value.Length + 16);
        Render(sb, format.Value, state, 2);
        return new Markup(sb.ToString());
    }

    private sealed class State(IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> kwargs,
        Func<object?, string, object?>? getAttr, Func<object?, object?, object?>? getItem, bool escape)
    {
        public IReadOnlyList<object?> Args { get; } = args;

        public IReadOnlyDictionary<string, object?> Kwargs { get; } = kwargs;

        public Func<object?, string, object?>? GetAttr { get; } = getAttr;

        public Func<object?, object?, object?>? GetItem { get; } = getItem;

        public bool Escape { get; } = escape;

        // 0 = not decided, 1 = automatic, 2 = manual.
        public int Numbering { get; set; }

        public int AutoIndex { get; set; }
    }

    private static void Render(StringBuilder sb, string fmt, State st, int recursion)
    {
        if (recursion < 1)
        {
            throw PythonError.ValueError("Max string recursion exceeded");
        }
        int i = 0;
        int n = fmt.Length;
        while (i < n)
        {
            char c = fmt[i];
            if (c == '}')
            {
                if (i + 1 < n && fmt[i + 1] == '}')
                {
                    sb.Append('}');
                    i += 2;
                    continue;
                }
                throw PythonError.ValueError("Single '}' encountered in format string");
            }
            if (c != '{')
            {
                int next = fmt.AsSpan(i).IndexOfAny('{', '}');
                int stop = next < 0 ? n : i + next;
                sb.Append(fmt, i, stop - i);
                i = stop;
                continue;
            }
            if (i + 1 < n && fmt[i + 1] == '{')
            {
                sb.Append('{');
                i += 2;
                continue;
            }
            if (i + 1 >= n)
            {
                throw PythonError.ValueError("Single '{' encountered in format string");
            }
            i = ScanField(sb, fmt, i + 1, st, recursion);
        }
    }

    // Scans one replacement field starting after its '{' the way CPython's MarkupIterator does, renders
    // it, and returns the index after its closing '}'.
    private static int ScanField(StringBuilder sb, string fmt, int pos, State st, int recursion)
    {
        int n = fmt.Length;
        int nameStart = pos;
        while (pos < n)
        {
            char c = fmt[pos];
            if (c == '[')
            {
                int close = fmt.IndexOf(']', pos + 1);
                if (close < 0)
                {
                    throw PythonError.ValueError("expected '}' before end of string");
                }
                pos = close + 1;
                continue;
            }
            if (c is '!' or ':' or '}')
            {
                break;
            }
            pos++;
        }
        if (pos >= n)
        {
            throw PythonError.ValueError("expected '}' before end of string");
        }
        string name = fmt[nameStart..pos];
        char conversion = '\0';
        if (fmt[pos] == '!')
        {
            pos++;
            if (pos >= n)
            {
                throw PythonError.ValueError("end of string while looking for conversion specifier");
            }
            conversion = fmt[pos++];
            if (pos >= n)
            {
                throw PythonError.ValueError("unmatched '{' in format spec");
            }
            if (fmt[pos] is not (':' or '}'))
            {
                throw PythonError.ValueError("expected ':' after conversion specifier");
            }
        }
        string spec = "";
        if (fmt[pos] == ':')
        {
            int specStart = ++pos;
            int depth = 1;
            while (pos < n)
            {
                if (fmt[pos] == '{')
                {
                    depth++;
                }
                else if (fmt[pos] == '}' && --depth == 0)
                {
                    break;
                }
                pos++;
            }
            if (pos >= n)
            {
                throw PythonError.ValueError("expected '}' before end of string");
            }
            spec = fmt[specStart..pos];
        }
        RenderField(sb, name, conversion, spec, st, recursion);
        return pos + 1;
    }

    private static void RenderField(StringBuilder sb, string name, char conversion, string spec, State st, int recursion)
    {
        object? value = Resolve(name, st);
        if (conversion != '\0')
        {
            value = conversion switch
            {
                's' => PyRepr.Str(value),
                'r' => PyRepr.Repr(value),
                'a' => PyRepr.Ascii(value),
                _ => throw PythonError.ValueError(
                    st.Escape ? $"Unknown conversion specifier {conversion}" : $"Unknown conversion specifier {ConversionText(conversion)}"),
            };
        }
        if (spec.Contains('{'))
        {
            var inner = new StringBuilder();
            var plain = st.Escape ? new State(st.Args, st.Kwargs, st.GetAttr, st.GetItem, escape: false) { Numbering = st.Numbering, AutoIndex = st.AutoIndex } : st;
            Render(inner, spec, plain, recursion - 1);
            if (!ReferenceEquals(plain, st))
            {
                st.Numbering = plain.Numbering;
                st.AutoIndex = plain.AutoIndex;
            }
            spec = inner.ToString();
        }
        if (st.Escape)
        {
            if (value is Markup m)
            {
                if (spec.Length > 0)
                {
                    throw PythonError.ValueError("Unsupported format specification for Markup.");
                }
                sb.Append(m.Value);
                return;
            }
            sb.Append(Markup.EscapeText(FormatSpec.Format(value, spec)));
            return;
        }
        sb.Append(FormatSpec.Format(value, spec));
    }

    private static string ConversionText(char c) => c >= 0x20 && c < 0x7F ? c.ToString() : "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture);

    private static object? Resolve(string name, State st)
    {
        int k = 0;
        while (k < name.Length && name[k] != '.' && name[k] != '[')
        {
            k++;
        }
        string first = name[..k];
        object? value;
        if (first.Length == 0)
        {
            if (st.Numbering == 2)
            {
                throw PythonError.ValueError("cannot switch from manual field specification to automatic field numbering");
            }
            st.Numbering = 1;
            value = Positional(st.AutoIndex++, st);
        }
        else if (IsDigits(first))
        {
            if (st.Numbering == 1)
            {
                throw PythonError.ValueError("cannot switch from automatic field numbering to manual field specification");
            }
            st.Numbering = 2;
            if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                throw PythonError.ValueError("Too many decimal digits in format string");
            }
            value = Positional(index, st);
        }
        else
        {
            if (!st.Kwargs.TryGetValue(first, out value))
            {
                throw PythonError.KeyError(PyRepr.ReprString(first));
            }
        }
        while (k < name.Length)
        {
            if (name[k] == '.')
            {
                int s = ++k;
                while (k < name.Length && name[k] != '.' && name[k] != '[')
                {
                    k++;
                }
                string attr = name[s..k];
                if (attr.Length == 0)
                {
                    throw PythonError.ValueError("Empty attribute in format string");
                }
                value = st.GetAttr is null
                    ? throw PythonError.AttributeError($"'{PyOps.TypeName(value)}' object has no attribute {PyRepr.ReprString(attr)}")
                    : st.GetAttr(value, attr);
            }
            else if (name[k] == '[')
            {
                int close = name.IndexOf(']', k + 1);
                if (close < 0)
                {
                    throw PythonError.ValueError("Missing ']' in format string");
                }
                string keyText = name[(k + 1)..close];
                if (keyText.Length == 0)
                {
                    throw PythonError.ValueError("Empty attribute in format string");
                }
                object? key = IsDigits(keyText) && long.TryParse(keyText, NumberStyles.None, CultureInfo.InvariantCulture, out long ik) ? ik : keyText;
                value = st.GetItem is null ? DefaultGetItem(value, key) : st.GetItem(value, key);
                k = close + 1;
                if (k < name.Length && name[k] != '.' && name[k] != '[')
                {
                    throw PythonError.ValueError("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
            else
            {
                throw PythonError.ValueError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return value;
    }

    private static object? Positional(int index, State st)
    {
        if (index >= st.Args.Count)
        {
            throw PythonError.IndexError(st.Escape ? "tuple index out of range" : $"Replacement index {index} out of range for positional args tuple");
        }
        return st.Args[index];
    }

    private static bool IsDigits(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static object? DefaultGetItem(object? target, object? key)
    {
        if (PyMapping.TryWrap(target, out var map))
        {
            return map.TryGetValue(key, out var v) ? v : throw PythonError.KeyError(PyRepr.Repr(key));
        }
        if (key is long i && target is System.Collections.IList list)
        {
            return i < list.Count ? list[(int)i] : throw PythonError.IndexError("list index out of range");
        }
        if (key is long t && target is PyTuple tuple)
        {
            return t < tuple.Count ? tuple[(int)t] : throw PythonError.IndexError("tuple index out of range");
        }
        if (key is long si && target is string or Markup)
        {
            var cps = PyString.CodePoints(target.ToString()!);
            return si < cps.Length ? PyString.FromCodePoints(cps.AsSpan((int)si, 1)) : throw PythonError.IndexError("string index out of range");
        }
        if (key is string)
        {
            string kind = target is string or Markup ? "string" : PyOps.TypeName(target);
            if (target is string or Markup)
            {
                throw PythonError.TypeError("string indices must be integers, not 'str'");
            }
            if (PyOps.IsList(target) || target is PyTuple)
            {
                throw PythonError.TypeError($"{kind} indices must be integers or slices, not str");
            }
        }
        throw PythonError.TypeError($"'{PyOps.TypeName(target)}' object is not subscriptable");
    }
}
