using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python 3.11's <c>str()</c> and <c>repr()</c> of template values: <c>True</c>, <c>None</c>,
/// <c>1.0</c>, <c>1e+16</c>, <c>'it\'s'</c> quoting, <c>[1, 'a']</c>, <c>(1,)</c>, <c>{'k': 'v'}</c>,
/// <c>Markup('x')</c>. The engine's own types plug in through <see cref="StrHook"/> and <see cref="ReprHook"/>.
/// </summary>
public static class PyRepr
{
    /// <summary>Deepest container nesting printed before raising RecursionError.</summary>
    public const int MaxDepth = 500;

    /// <summary>str() of types outside the value model (for example Undefined); return null to fall through.</summary>
    public static Func<object, string?>? StrHook { get; set; }

    /// <summary>repr() of types outside the value model (for example Undefined → 'Undefined'); return null to fall through.</summary>
    public static Func<object, string?>? ReprHook { get; set; }

    /// <summary>Python's <c>str(value)</c>.</summary>
    public static string Str(object? value)
    {
        switch (value)
        {
            case string s: return s;
            case null: return "None";
            case bool b: return b ? "True" : "False";
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case double d: return PyFloat.Repr(d);
            case Markup m: return m.Value;
            case BigInteger big: return PyNumber.ToDecimalString(big);
        }
        if (PyNumber.IsInt(value))
        {
            return PyNumber.ToDecimalString(PyNumber.ToBig(value));
        }
        if (value is float or decimal)
        {
            return PyFloat.Repr(PyNumber.ToDouble(value));
        }
        if (StrHook?.Invoke(value) is { } hooked)
        {
            return hooked;
        }
        if (PyDateTime.Str(value) is { } date)
        {
            return date;
        }
        if (IsContainer(value))
        {
            return Repr(value);
        }
        return Fallback(value);
    }

    // Other .NET objects print through ToString, culture-independent so output never depends on the server locale.
    private static string Fallback(object value) =>
        (value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString()) ?? "";

    /// <summary>Python's <c>repr(value)</c>.</summary>
    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value, 0, null);
        return sb.ToString();
    }

    /// <summary>Appends Python's <c>repr(value)</c> to a builder.</summary>
    public static void AppendRepr(StringBuilder sb, object? value) => AppendRepr(sb, value, 0, null);

    /// <summary>Python's <c>repr()</c> of a string: quote choice and escapes exactly as CPython.</summary>
    public static string ReprString(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendReprString(sb, s, asciiOnly: false);
        return sb.ToString();
    }

    /// <summary>Python's <c>ascii()</c>: repr with every non-ASCII code point escaped.</summary>
    public static string Ascii(object? value)
    {
        string r = Repr(value);
        var sb = new StringBuilder(r.Length);
        for (int i = 0; i < r.Length;)
        {
            int cp = PyString.CodePointAt(r, i, out int units);
            i += units;
            if (cp < 0x80)
            {
                sb.Append((char)cp);
            }
            else
            {
                AppendEscape(sb, cp);
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends a string's repr (quotes included); <paramref name="asciiOnly"/> escapes non-ASCII as <c>ascii()</c> does.</summary>
    public static void AppendReprString(StringBuilder sb, string s, bool asciiOnly)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        for (int i = 0; i < s.Length;)
        {
            int cp = PyString.CodePointAt(s, i, out int units);
            i += units;
            if (cp == quote || cp == '\\')
            {
                sb.Append('\\').Append((char)cp);
            }
            else if (cp == '\t')
            {
                sb.Append("\\t");
            }
            else if (cp == '\n')
            {
                sb.Append("\\n");
            }
            else if (cp == '\r')
            {
                sb.Append("\\r");
            }
            else if (cp < 0x20 || cp == 0x7F)
            {
                sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (cp < 0x7F)
            {
                sb.Append((char)cp);
            }
            else if (!asciiOnly && PyUnicode.IsPrintable(cp))
            {
                PyUnicode.AppendCodePoint(sb, cp);
            }
            else
            {
                AppendEscape(sb, cp);
            }
        }
        sb.Append(quote);
    }

    private static void AppendEscape(StringBuilder sb, int cp)
    {
        if (cp <= 0xFF)
        {
            sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (cp <= 0xFFFF)
        {
            sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    private static bool IsContainer(object value) =>
        value is PyTuple or PyDictView || PyOps.IsList(value) || PyMapping.IsMapping(value);

    private static void AppendRepr(StringBuilder sb, object? value, int depth, List<object>? active)
    {
        switch (value)
        {
            case string s:
                AppendReprString(sb, s, asciiOnly: false);
                return;
            case Markup m:
                sb.Append("Markup(");
                AppendReprString(sb, m.Value, asciiOnly: false);
                sb.Append(')');
                return;
            case null:
            case bool:
            case long:
            case double:
            case BigInteger:
                sb.Append(Str(value));
                return;
        }
        if (PyNumber.IsNumber(value))
        {
            sb.Append(Str(value));
            return;
        }
        if (ReprHook?.Invoke(value) is { } hooked)
        {
            sb.Append(hooked);
            return;
        }
        if (PyDateTime.Repr(value) is { } date)
        {
            sb.Append(date);
            return;
        }
        if (!IsContainer(value))
        {
            sb.Append(StrHook?.Invoke(value) ?? Fallback(value));
            return;
        }
        if (depth > MaxDepth)
        {
            throw new PythonError("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        }
        active ??= [];
        foreach (var a in active)
        {
            if (ReferenceEquals(a, value))
            {
                sb.Append(value is PyTuple ? "(...)" : PyOps.IsList(value) ? "[...]" : "{...}");
                return;
            }
        }
        active.Add(value);
        try
        {
            switch (value)
            {
                case PyTuple t:
                    sb.Append('(');
                    for (int i = 0; i < t.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(", ");
                        }
                        AppendRepr(sb, t[i], depth + 1, active);
                    }
                    sb.Append(t.Count == 1 ? ",)" : ")");
                    return;
                case PyDictView view:
                    sb.Append(view.TypeName).Append("([");
                    bool firstView = true;
                    foreach (var item in view)
                    {
                        if (!firstView)
                        {
                            sb.Append(", ");
                        }
                        firstView = false;
                        AppendRepr(sb, item, depth + 1, active);
                    }
                    sb.Append("])");
                    return;
            }
            if (PyOps.IsList(value))
            {
                sb.Append('[');
                bool first = true;
                foreach (var item in (IList)value)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }
                    first = false;
                    AppendRepr(sb, item, depth + 1, active);
                }
                sb.Append(']');
                return;
            }
            PyMapping.TryWrap(value, out var map);
            sb.Append('{');
            bool firstPair = true;
            foreach (var kv in map.Pairs)
            {
                if (!firstPair)
                {
                    sb.Append(", ");
                }
                firstPair = false;
                AppendRepr(sb, kv.Key, depth + 1, active);
                sb.Append(": ");
                AppendRepr(sb, kv.Value, depth + 1, active);
            }
            sb.Append('}');
        }
        finally
        {
            active.RemoveAt(active.Count - 1);
        }
    }
}
