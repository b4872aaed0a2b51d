using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Python;
using Flagon.Jinja.Sandbox;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// The engine's one entry point for value semantics used by compiled templates: truthiness,
/// <c>str</c>/<c>repr</c>, operators, comparisons, membership, lookup, iteration. Undefined
/// operands are handled here; Python semantics proper live in <c>Flagon.Jinja.Python</c>.
/// </summary>
internal static partial class Ops
{
    // ------------------------------------------------------------ truthiness, str, repr

    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        double d => d != 0,
        Undefined u => u.IsTrue(),
        Markup m => m.Value.Length > 0,
        ICollection c => c.Count > 0,
        PyTuple t => t.Count > 0,
        PyDict d => d.Count > 0,
        BigInteger b => !b.IsZero,
        int i => i != 0,
        PyRange r => r.Count > 0,
        _ => TruthyOther(v),
    };

    private static bool TruthyOther(object v)
    {
        if (v is PyIterator)
        {
            return true; // a Python iterator is always true
        }
        var norm = ObjectAdapter.Normalize(v);
        if (!ReferenceEquals(norm, v))
        {
            return Truthy(norm);
        }
        if (v is IEnumerable e && v is not string && ObjectAdapter.IsCollection(v))
        {
            return e.GetEnumerator().MoveNext();
        }
        return true;
    }

    public static string Str(object? v) => v switch
    {
        string s => s,
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        Markup m => m.Value,
        Undefined u => u.Render(),
        double d => FloatRepr(d),
        _ => PyStr(v),
    };

    public static string Repr(object? v) => v switch
    {
        string s => StrRepr(s),
        Undefined => "Undefined",
        _ => PyRepr_(v),
    };

    public static string ObjectTypeRepr(object? v) => v is null ? "None" : TypeName(v) + " object";

    // ------------------------------------------------------------ concatenation and output

    /// <summary><c>~</c>: joins str() of the operands; under autoescape Markup-aware.</summary>
    public static object Concat(object?[] items, bool autoescape)
    {
        if (autoescape)
        {
            foreach (var item in items)
            {
                if (item is Markup)
                {
                    var sb = new StringBuilder();
                    foreach (var x in items)
                    {
                        sb.Append(x is Markup mk ? mk.Value : Markup.EscapeText(Str(x)));
                    }
                    return new Markup(sb.ToString());
                }
            }
        }
        if (items.Length == 2)
        {
            return string.Concat(Str(items[0]), Str(items[1]));
        }
        var b = new StringBuilder();
        foreach (var x in items)
        {
            b.Append(Str(x));
        }
        return b.ToString();
    }

    /// <summary>Escapes a value as MarkupSafe's <c>escape</c>: Markup passes, everything else is str()-ed and escaped.</summary>
    public static Markup Escape(object? v) => v is Markup m ? m : Markup.Escape(Str(v));

    // ------------------------------------------------------------ iteration and length

    public static IEnumerable<object?> Iterate(object? v) => v switch
    {
        List<object?> l => l,
        PyTuple t => t,
        string s => StringChars(s),
        Markup m => StringChars(m.Value),
        PyDict d => d.Keys,
        Undefined u => IterateUndefined(u),
        null => throw PythonError.TypeError("'NoneType' object is not iterable"),
        _ => ObjectAdapter.Iterate(v) ?? throw PythonError.TypeError($"'{TypeName(v)}' object is not iterable"),
    };

    private static IEnumerable<object?> IterateUndefined(Undefined u)
    {
        u.CheckIterable();
        return Array.Empty<object?>();
    }

    /// <summary>
    /// An iterable as a read-only list: the list itself when it already is one (template lists and tuples,
    /// ranges), a .NET list or one-dimensional array copied once into an array of its exact size (a snapshot,
    /// as before, without an iterator or list growth), else its items materialised.
    /// </summary>
    public static IReadOnlyList<object?> ToList(object? v) => v switch
    {
        List<object?> l => l,
        PyTuple t => t,
        PyRange r => r,
        IList list when v is not (IDictionary or Array { Rank: > 1 }) && (v is not Array a || a.GetLowerBound(0) == 0) => Snapshot(list),
        _ => Iterate(v).ToList(),
    };

    private static object?[] Snapshot(IList list)
    {
        var items = new object?[list.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = ObjectAdapter.Normalize(list[i]);
        }
        return items;
    }

    public static IEnumerable<object?> StringChars(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return s.Substring(i++, 2);
            }
            else
            {
                yield return s[i].ToString();
            }
        }
    }

    /// <summary>Length in code points.</summary>
    public static int CodePointLength(string s)
    {
        int n = s.Length;
        for (int i = 0; i < s.Length - 1; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                n--;
                i++;
            }
        }
        return n;
    }

    public static long Length(object? v) => v switch
    {
        string s => CodePointLength(s),
        Markup m => CodePointLength(m.Value),
        ICollection c => c.Count,
        PyTuple t => t.Count,
        PyDict d => d.Count,
        PyRange r => r.Count,
        LoopContext l => l.Length,
        Undefined u => UndefinedLength(u),
        PyIterator it => throw PythonError.TypeError($"object of type '{it.TypeName}' has no len()"),
        _ => ObjectAdapter.Length(v) ?? throw PythonError.TypeError($"object of type '{TypeName(v)}' has no len()"),
    };

    private static long UndefinedLength(Undefined u)
    {
        u.CheckIterable();
        return 0;
    }

    // ------------------------------------------------------------ lookup

    /// <summary><c>obj.name</c>: attribute first, then item; a miss is Undefined.</summary>
    public static object? GetAttr(EvalContext ctx, object? obj, string name)
    {
        if (obj is Undefined u)
        {
            return u.Lookup(name);
        }
        if (ctx.Environment.SandboxPolicy is { } sandbox)
        {
            return sandbox.GetAttribute(ctx, obj, name);
        }
        if (TryGetAttribute(obj, name, out var value))
        {
            return value;
        }
        if (TryGetItem(obj, name, out value))
        {
            return value;
        }
        return ctx.Undefined(obj: obj, name: name, hasObject: true);
    }

    /// <summary>
    /// <c>obj.name</c> at a compiled site: the same result as <see cref="GetAttr(EvalContext, object?, string)"/>,
    /// with the site remembering the member getter of the last plain .NET type (a POCO: not one of the
    /// value model's types, not a collection, no <see cref="IJinjaAttributes"/>), for which that
    /// method's dispatch always ends in the same getter.
    /// </summary>
    public static object? GetAttr(EvalContext ctx, object? obj, AttrSite site)
    {
        if (obj is not null && site.Cache is { } entry && entry.Type == obj.GetType())
        {
            return ObjectAdapter.Normalize(entry.Getter(obj));
        }
        var value = GetAttr(ctx, obj, site.Name);
        if (obj is not null && ctx.Environment.SandboxPolicy is null && IsPlainObject(obj) && ObjectAdapter.MemberGetter(obj.GetType(), site.Name) is { } getter)
        {
            site.Cache = new AttrSite.Entry(obj.GetType(), getter);
        }
        return value;
    }

    private static bool IsPlainObject(object obj) =>
        obj is not (IJinjaAttributes or IEnumerable or Undefined or Markup or PyTuple or long or double or bool or BigInteger
            or System.Text.Json.JsonElement or System.Text.Json.Nodes.JsonNode);

    /// <summary><c>obj[key]</c>: item first, then (for string keys) attribute; a miss is Undefined.</summary>
    public static object? GetItem(EvalContext ctx, object? obj, object? key)
    {
        if (obj is Undefined u)
        {
            return u.Lookup(key);
        }
        if (ctx.Environment.SandboxPolicy is { } sandbox)
        {
            return sandbox.GetItem(ctx, obj, key);
        }
        if (key is StrictUndefined su)
        {
            throw su.Fail();
        }
        if (key is PySlice slice)
        {
            return Slice(obj, slice);
        }
        if (TryGetItem(obj, key, out var value))
        {
            return value;
        }
        if (key is string s && TryGetAttribute(obj, s, out value))
        {
            return value;
        }
        return ctx.Undefined(obj: obj, name: key, hasObject: true);
    }

    public static bool TryGetItem(object? obj, object? key, out object? value)
    {
        switch (obj)
        {
            case PyDict d:
                if (key is not null && IsHashable(key) && d.TryGetValue(key, out value))
                {
                    return true;
                }
                break;
            case List<object?> l:
                if (AsIndex(key) is long i && (i < 0 ? i + l.Count : i) is var ix && ix >= 0 && ix < l.Count)
                {
                    value = l[(int)ix];
                    return true;
                }
                break;
            case PyTuple t:
                if (AsIndex(key) is long ti && (ti < 0 ? ti + t.Count : ti) is var tix && tix >= 0 && tix < t.Count)
                {
                    value = t[(int)tix];
                    return true;
                }
                break;
            case string s:
                if (AsIndex(key) is long si)
                {
                    var r = CodePointAt(s, si);
                    if (r is not null)
                    {
                        value = r;
                        return true;
                    }
                }
                break;
            case Markup m:
                if (AsIndex(key) is long mi && CodePointAt(m.Value, mi) is { } mr)
                {
                    value = new Markup(mr);
                    return true;
                }
                break;
            case null:
                break;
            default:
                return ObjectAdapter.TryGetItem(obj, key, out value);
        }
        value = null;
        return false;
    }

    private static bool IsHashable(object key) => key is not (List<object?> or PyDict);

    private static long? AsIndex(object? key) => key switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        int i => i,
        _ => null,
    };

    private static string? CodePointAt(string s, long index)
    {
        if (!HasSurrogates(s))
        {
            long ix = index < 0 ? index + s.Length : index;
            return ix >= 0 && ix < s.Length ? s[(int)ix].ToString() : null;
        }
        var cps = StringChars(s).Cast<string>().ToList();
        long j = index < 0 ? index + cps.Count : index;
        return j >= 0 && j < cps.Count ? cps[(int)j] : null;
    }

    public static bool HasSurrogates(string s)
    {
        foreach (char c in s)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    public static bool TryGetAttribute(object? obj, string name, out object? value)
    {
        switch (obj)
        {
            case IJinjaAttributes attrs:
                return attrs.TryGetAttribute(name, out value);
            case null:
                value = null;
                return false;
        }
        if (PyMethods.TryGetMethod(obj, name, out var method))
        {
            value = new BoundMethod(obj, name, method);
            return true;
        }
        if (obj is string or Markup or List<object?> or PyDict or PyTuple or long or double or bool or BigInteger)
        {
            value = null;
            return false;
        }
        return ObjectAdapter.TryGetMember(obj, name, out value);
    }

    // ------------------------------------------------------------ slicing

    public static object? Slice(object? obj, PySlice slice)
    {
        switch (obj)
        {
            case string s:
                {
                    if (!HasSurrogates(s))
                    {
                        var idx = slice.Indices(s.Length);
                        if (idx.Step == 1)
                        {
                            return idx.Stop > idx.Start ? s[idx.Start..idx.Stop] : "";
                        }
                        var sb = new StringBuilder();
                        foreach (int i in idx.Enumerate())
                        {
                            sb.Append(s[i]);
                        }
                        return sb.ToString();
                    }
                    var cps = StringChars(s).Cast<string>().ToList();
                    var b = new StringBuilder();
                    foreach (int i in slice.Indices(cps.Count).Enumerate())
                    {
                        b.Append(cps[i]);
                    }
                    return b.ToString();
                }
            case Markup m:
                return new Markup((string)Slice(m.Value, slice)!);
            case List<object?> l:
                return slice.Indices(l.Count).Enumerate().Select(i => l[i]).ToList();
            case PyTuple t:
                return new PyTuple(slice.Indices(t.Count).Enumerate().Select(i => t[i]).ToArray());
            case Undefined u:
                return u.Lookup(slice);
            case PyRange r:
                return r.Slice(slice);
        }
        if (obj is IList list)
        {
            var items = list.Cast<object?>().Select(ObjectAdapter.Normalize).ToList();
            return slice.Indices(items.Count).Enumerate().Select(i => items[i]).ToList();
        }
        throw PythonError.TypeError($"'{TypeName(obj)}' object is not subscriptable");
    }

    // ------------------------------------------------------------ calls

    public static object? Call(EvalContext ctx, object? callee, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        ctx.Environment.SandboxPolicy?.CheckCall(ctx, callee);
        switch (callee)
        {
            case IJinjaCallable c:
                return c.Call(ctx, args, kwargs);
            case Undefined u:
                throw u.Fail();
            case Delegate d:
                return JinjaFunction.ForDelegate(d).Call(ctx, args, kwargs);
            default:
                throw PythonError.TypeError($"'{TypeName(callee)}' object is not callable");
        }
    }

    /// <summary>The <c>attr</c> filter: the attribute only (never an item), checked by the sandbox when there is one.</summary>
    public static object? GetAttributeOnly(EvalContext ctx, object? obj, string name)
    {
        if (obj is Undefined u && !name.StartsWith("__", StringComparison.Ordinal))
        {
            // Python's getattr on Undefined fails, except for dunder names (AttributeError → undefined).
            return u.Lookup(name);
        }
        if (TryGetAttribute(obj, name, out var value))
        {
            return ctx.Environment.SandboxPolicy is { } sandbox && obj is not null && !sandbox.IsSafeAttribute(obj, name, value)
                ? sandbox.UnsafeUndefined(obj, name)
                : value;
        }
        return ctx.Environment.SandboxPolicy is { } sb ? sb.Missing(ctx, obj, name) : ctx.Undefined(obj: obj, name: name, hasObject: true);
    }

    /// <summary><c>str.format</c>'s <c>{0.name}</c>: Python's getattr, or the sandbox's checked lookup.</summary>
    public static object? FormatGetAttr(EvalContext ctx, object? obj, string name)
    {
        if (ctx.Environment.SandboxPolicy is { } sandbox)
        {
            return sandbox.GetAttribute(ctx, obj, name);
        }
        if (obj is Undefined u)
        {
            return u.Lookup(name);
        }
        return TryGetAttribute(obj, name, out var value)
            ? value
            : throw PythonError.AttributeError($"'{TypeName(obj)}' object has no attribute {StrRepr(name)}");
    }

    public static bool IsCallable(object? v) => v is IJinjaCallable or Delegate;
}
