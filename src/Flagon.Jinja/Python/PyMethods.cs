using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's methods on template values, dispatched by name: <c>str</c> (also on <see cref="Markup"/>,
/// which escapes string arguments and keeps its type where MarkupSafe does), <c>list</c> (any .NET
/// <see cref="IList"/>), <c>tuple</c> and <c>dict</c> (any readable dictionary).
/// Use <see cref="TryGetMethod"/> for <c>x.name</c> and <see cref="TryCall"/> for <c>x.name(...)</c>
/// without allocating a bound method; <see cref="IsMutating"/> tells the immutable sandbox what to refuse.
/// </summary>
public static class PyMethods
{
    internal delegate object? Impl(object self, CallArgs args);

    private static readonly object _missing = new();

    private static readonly Dictionary<string, Impl> _str = BuildStr();
    private static readonly Dictionary<string, Impl> _markup = BuildMarkup();
    private static readonly Dictionary<string, Impl> _list = BuildList();
    private static readonly Dictionary<string, Impl> _tuple = BuildTuple();
    private static readonly Dictionary<string, Impl> _dict = BuildDict();
    private static readonly Dictionary<string, Impl> _datetime = new(StringComparer.Ordinal)
    {
        ["strftime"] = (d, a) =>
        {
            var format = a.Named(0, "format")[0];
            if (format == _missing)
            {
                throw PythonError.TypeError("strftime() missing required argument 'format' (pos 1)");
            }
            return format is string text
                ? PyStrftime.Format(AsDateTime(d), text)
                : throw PythonError.TypeError($"strftime() argument 1 must be str, not {PyOps.TypeName(format)}");
        },
    };

    private static readonly HashSet<string> _listMutators = ["append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear"];
    private static readonly HashSet<string> _dictMutators = ["update", "pop", "popitem", "setdefault", "clear"];

    /// <summary>
    /// Resolves <c>str.format</c>'s <c>{0.attr}</c> for method calls; the engine sets it to its attribute
    /// lookup (the sandbox's when sandboxed). Null: attribute access in format fields raises AttributeError.
    /// </summary>
    public static Func<object?, string, object?>? FormatGetAttr { get; set; }

    /// <summary>Resolves <c>str.format</c>'s <c>{0[key]}</c> for method calls; null uses plain item lookup.</summary>
    public static Func<object?, object?, object?>? FormatGetItem { get; set; }

    /// <summary>Finds the Python method <paramref name="name"/> on <paramref name="target"/>, bound to it.</summary>
    public static bool TryGetMethod(object? target, string name, [NotNullWhen(true)] out PyMethod? method)
    {
        if (target is not null && Lookup(target, name, out var impl, out string qual))
        {
            method = new PyMethod(target, name, qual, impl, IsMutating(target, name));
            return true;
        }
        method = null;
        return false;
    }

    /// <summary>The method names of a Python type (<c>str</c>, <c>Markup</c>'s own, <c>list</c>, <c>tuple</c>, <c>dict</c>), for the library's documentation.</summary>
    internal static IReadOnlyCollection<string> MethodNames(string type) => type switch
    {
        "str" => _str.Keys,
        "Markup" => _markup.Keys,
        "list" => _list.Keys,
        "tuple" => _tuple.Keys,
        "dict" => _dict.Keys,
        "datetime" => _datetime.Keys,
        _ => [],
    };

    /// <summary>Whether <paramref name="target"/> has a Python method called <paramref name="name"/>.</summary>
    public static bool HasMethod(object? target, string name) => target is not null && Lookup(target, name, out _, out _);

    /// <summary>Calls <c>target.name(*args, **kwargs)</c> directly; false when there is no such method.</summary>
    public static bool TryCall(object? target, string name, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs, out object? result)
    {
        if (target is not null && Lookup(target, name, out var impl, out string qual))
        {
            result = impl(target, new CallArgs(args, kwargs, name, qual));
            return true;
        }
        result = null;
        return false;
    }

    /// <summary>Whether the method changes its receiver (list: append, extend, insert, pop, remove, reverse, sort, clear; dict: update, pop, popitem, setdefault, clear).</summary>
    public static bool IsMutating(object? target, string name)
    {
        if (target is string or Markup or PyTuple or null)
        {
            return false;
        }
        if (PyOps.IsList(target))
        {
            return _listMutators.Contains(name);
        }
        return PyMapping.IsMapping(target) && _dictMutators.Contains(name);
    }

    private static bool Lookup(object target, string name, [NotNullWhen(true)] out Impl? impl, out string qual)
    {
        Dictionary<string, Impl>? table;
        string type;
        switch (target)
        {
            case string:
                table = _str;
                type = "str";
                break;
            case Markup:
                if (_markup.TryGetValue(name, out impl))
                {
                    qual = "Markup." + name;
                    return true;
                }
                table = _str;
                type = "str";
                break;
            case PyTuple:
                table = _tuple;
                type = "tuple";
                break;
            case DateTime or DateTimeOffset:
                table = _datetime;
                type = "datetime";
                break;
            case DateOnly:
                table = _datetime;
                type = "date";
                break;
            default:
                if (PyOps.IsList(target))
                {
                    table = _list;
                    type = "list";
                }
                else if (PyMapping.IsMapping(target))
                {
                    table = _dict;
                    type = "dict";
                }
                else
                {
                    impl = null;
                    qual = "";
                    return false;
                }
                break;
        }
        qual = type + "." + name;
        return table.TryGetValue(name, out impl);
    }

    /// <summary>A .NET date or time value as the naive <see cref="DateTime"/> Python's <c>strftime</c> formats.</summary>
    private static DateTime AsDateTime(object value) => value switch
    {
        DateTimeOffset o => o.DateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => (DateTime)value,
    };

    /// <summary>The arguments of one call, with Python's binding rules and messages.</summary>
    internal readonly struct CallArgs(object?[] positional, IReadOnlyList<KeyValuePair<string, object?>>? keywords, string name, string qualifiedName, EvalContext? context = null)
    {
        public object?[] Positional { get; } = positional;

        /// <summary>The calling template's context: <c>str.format</c> resolves <c>{0.name}</c>/<c>{0[key]}</c> through it (and its sandbox).</summary>
        public EvalContext? Context { get; } = context;

        public Func<object?, string, object?>? FormatAttr => Context is { } c ? (o, n) => Ops.FormatGetAttr(c, o, n) : FormatGetAttr;

        public Func<object?, object?, object?>? FormatItem => Context is { Environment.SandboxPolicy: { } sb } c ? (o, k) => sb.GetItem(c, o, k) : FormatGetItem;

        public IReadOnlyList<KeyValuePair<string, object?>>? Keywords { get; } = keywords;

        public string Name { get; } = name;

        public string Qual { get; } = qualifiedName;

        public int Count => Positional.Length;

        private bool HasKeywords => Keywords is { Count: > 0 };

        public void None()
        {
            if (HasKeywords)
            {
                throw PythonError.TypeError($"{Qual}() takes no keyword arguments");
            }
            if (Count > 0)
            {
                throw PythonError.TypeError($"{Qual}() takes no arguments ({Count} given)");
            }
        }

        public object? One()
        {
            if (HasKeywords)
            {
                throw PythonError.TypeError($"{Qual}() takes no keyword arguments");
            }
            if (Count != 1)
            {
                throw PythonError.TypeError($"{Qual}() takes exactly one argument ({Count} given)");
            }
            return Positional[0];
        }

        /// <summary>Positional-only parameters; absent optional ones are <see cref="_missing"/>.</summary>
        public object?[] Pos(int min, int max)
        {
            if (HasKeywords)
            {
                throw PythonError.TypeError($"{Qual}() takes no keyword arguments");
            }
            if (Count < min)
            {
                throw PythonError.TypeError($"{Name} expected at least {min} argument{(min == 1 ? "" : "s")}, got {Count}");
            }
            if (Count > max)
            {
                throw PythonError.TypeError($"{Name} expected at most {max} argument{(max == 1 ? "" : "s")}, got {Count}");
            }
            var r = new object?[max];
            for (int i = 0; i < max; i++)
            {
                r[i] = i < Count ? Positional[i] : _missing;
            }
            return r;
        }

        /// <summary>Parameters that may also be passed by keyword.</summary>
        public object?[] Named(int min, params string[] names)
        {
            if (Count > names.Length)
            {
                throw PythonError.TypeError($"{Name}() takes at most {names.Length} argument{(names.Length == 1 ? "" : "s")} ({Count} given)");
            }
            var r = new object?[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                r[i] = i < Count ? Positional[i] : _missing;
            }
            if (Keywords is not null)
            {
                foreach (var kv in Keywords)
                {
                    int idx = Array.IndexOf(names, kv.Key);
                    if (idx < 0)
                    {
                        throw PythonError.TypeError($"{Name}() got an unexpected keyword argument '{kv.Key}'");
                    }
                    if (idx < Count)
                    {
                        throw PythonError.TypeError($"argument for {Name}() given by name ('{kv.Key}') and position ({idx + 1})");
                    }
                    r[idx] = kv.Value;
                }
            }
            for (int i = 0; i < min; i++)
            {
                if (r[i] == _missing)
                {
                    throw PythonError.TypeError($"{Name}() missing required argument '{names[i]}' (pos {i + 1})");
                }
            }
            return r;
        }
    }

    private static bool Given(object? v) => v != _missing;

    private static string Text(object self) => self is Markup m ? m.Value : (string)self;

    private static string? AsStr(object? v) => v switch
    {
        string s => s,
        Markup m => m.Value,
        _ => null,
    };

    private static string NeedStr(object? v, string message) => AsStr(v) ?? throw PythonError.TypeError(message);

    private static long Index(object? v)
    {
        if (PyNumber.IsInt(v))
        {
            var big = PyNumber.ToBig(v!);
            if (big > long.MaxValue || big < long.MinValue)
            {
                throw PythonError.Overflow("Python int too large to convert to C ssize_t");
            }
            return (long)big;
        }
        throw PythonError.TypeError($"'{PyOps.TypeName(v)}' object cannot be interpreted as an integer");
    }

    private static long? SliceIndex(object? v)
    {
        if (!Given(v) || v is null)
        {
            return null;
        }
        if (PyNumber.IsInt(v))
        {
            var big = PyNumber.ToBig(v);
            return big > long.MaxValue ? long.MaxValue : big < long.MinValue ? long.MinValue : (long)big;
        }
        throw PythonError.TypeError("slice indices must be integers or None or have an __index__ method");
    }

    private static string Fill(object? v, string method)
    {
        if (!Given(v))
        {
            return " ";
        }
        string s = AsStr(v) ?? throw PythonError.TypeError($"{method}() argument 2 must be str, not {PyOps.TypeName(v)}");
        if (PyString.Length(s) != 1)
        {
            throw PythonError.TypeError("The fill character must be exactly one character long");
        }
        return s;
    }

    private static List<object?> StrList(IEnumerable<string> items, bool markup)
    {
        var list = new List<object?>();
        foreach (var item in items)
        {
            list.Add(markup ? new Markup(item) : item);
        }
        return list;
    }

    // ------------------------------------------------------------------ str

    private static Dictionary<string, Impl> BuildStr()
    {
        var t = new Dictionary<string, Impl>(StringComparer.Ordinal)
        {
            ["upper"] = (s, a) => { a.None(); return PyStr.Upper(Text(s)); },
            ["lower"] = (s, a) => { a.None(); return PyStr.Lower(Text(s)); },
            ["title"] = (s, a) => { a.None(); return PyStr.Title(Text(s)); },
            ["capitalize"] = (s, a) => { a.None(); return PyStr.Capitalize(Text(s)); },
            ["swapcase"] = (s, a) => { a.None(); return PyStr.Swapcase(Text(s)); },
            ["casefold"] = (s, a) => { a.None(); return PyStr.Casefold(Text(s)); },
            ["strip"] = (s, a) => StripImpl(s, a, true, true),
            ["lstrip"] = (s, a) => StripImpl(s, a, true, false),
            ["rstrip"] = (s, a) => StripImpl(s, a, false, true),
            ["split"] = (s, a) => SplitImpl(s, a, false),
            ["rsplit"] = (s, a) => SplitImpl(s, a, true),
            ["splitlines"] = (s, a) =>
            {
                var p = a.Named(0, "keepends");
                return StrList(PyStr.SplitLines(Text(s), Given(p[0]) && PyOps.IsTrue(p[0])), false);
            },
            ["startswith"] = (s, a) => AffixImpl(s, a, true),
            ["endswith"] = (s, a) => AffixImpl(s, a, false),
            ["replace"] = (s, a) =>
            {
                var p = a.Pos(2, 3);
                string old = NeedStr(p[0], $"replace() argument 1 must be str, not {PyOps.TypeName(p[0])}");
                string neu = NeedStr(p[1], $"replace() argument 2 must be str, not {PyOps.TypeName(p[1])}");
                return PyStr.Replace(Text(s), old, neu, Given(p[2]) ? Index(p[2]) : -1);
            },
            ["find"] = (s, a) => SearchImpl(s, a, "find"),
            ["rfind"] = (s, a) => SearchImpl(s, a, "rfind"),
            ["index"] = (s, a) => SearchImpl(s, a, "index"),
            ["rindex"] = (s, a) => SearchImpl(s, a, "rindex"),
            ["count"] = (s, a) => SearchImpl(s, a, "count"),
            ["join"] = (s, a) =>
            {
                var items = a.One();
                var parts = new List<string>();
                int i = 0;
                foreach (var item in PyIter.Iterate(items))
                {
                    parts.Add(AsStr(item) ?? throw PythonError.TypeError($"sequence item {i}: expected str instance, {PyOps.TypeName(item)} found"));
                    i++;
                }
                return string.Join(Text(s), parts);
            },
            ["format"] = (s, a) => StrFormat.Format(Text(s), a.Positional, Kwargs(a), a.FormatAttr, a.FormatItem),
            ["format_map"] = (s, a) =>
            {
                var map = a.One();
                if (!PyMapping.TryWrap(map, out var m))
                {
                    throw PythonError.TypeError($"'{PyOps.TypeName(map)}' object is not subscriptable");
                }
                return StrFormat.Format(Text(s), [], new MappingKwargs(m), a.FormatAttr, a.FormatItem);
            },
            ["zfill"] = (s, a) => PyStr.ZFill(Text(s), Index(a.Pos(1, 1)[0])),
            ["center"] = (s, a) => { var p = a.Pos(1, 2); return PyStr.Center(Text(s), Index(p[0]), Fill(p[1], "center")); },
            ["ljust"] = (s, a) => { var p = a.Pos(1, 2); return PyStr.LJust(Text(s), Index(p[0]), Fill(p[1], "ljust")); },
            ["rjust"] = (s, a) => { var p = a.Pos(1, 2); return PyStr.RJust(Text(s), Index(p[0]), Fill(p[1], "rjust")); },
            ["isdigit"] = (s, a) => { a.None(); return PyStr.All(Text(s), PyUnicode.IsDigit); },
            ["isalpha"] = (s, a) => { a.None(); return PyStr.All(Text(s), PyUnicode.IsAlpha); },
            ["isalnum"] = (s, a) => { a.None(); return PyStr.IsAlnum(Text(s)); },
            ["isspace"] = (s, a) => { a.None(); return PyStr.All(Text(s), PyUnicode.IsSpace); },
            ["isdecimal"] = (s, a) => { a.None(); return PyStr.All(Text(s), PyUnicode.IsDecimal); },
            ["isnumeric"] = (s, a) => { a.None(); return PyStr.All(Text(s), PyUnicode.IsNumeric); },
            ["islower"] = (s, a) => { a.None(); return PyStr.IsLower(Text(s)); },
            ["isupper"] = (s, a) => { a.None(); return PyStr.IsUpper(Text(s)); },
            ["istitle"] = (s, a) => { a.None(); return PyStr.IsTitle(Text(s)); },
            ["isidentifier"] = (s, a) => { a.None(); return PyStr.IsIdentifier(Text(s)); },
            ["isprintable"] = (s, a) => { a.None(); return PyStr.IsPrintable(Text(s)); },
            ["isascii"] = (s, a) => { a.None(); return !Text(s).AsSpan().ContainsAnyExceptInRange('\0', '\u007f'); },
            ["partition"] = (s, a) => PartitionImpl(s, a, false),
            ["rpartition"] = (s, a) => PartitionImpl(s, a, true),
            ["removeprefix"] = (s, a) =>
            {
                string text = Text(s);
                var arg = a.One();
                string prefix = NeedStr(arg, $"removeprefix() argument must be str, not {PyOps.TypeName(arg)}");
                return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
            },
            ["removesuffix"] = (s, a) =>
            {
                string text = Text(s);
                var arg = a.One();
                string suffix = NeedStr(arg, $"removesuffix() argument must be str, not {PyOps.TypeName(arg)}");
                return suffix.Length > 0 && text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;
            },
            ["expandtabs"] = (s, a) =>
            {
                var p = a.Named(0, "tabsize");
                return PyStr.ExpandTabs(Text(s), Given(p[0]) ? Index(p[0]) : 8);
            },
        };
        return t;
    }

    private static IReadOnlyDictionary<string, object?> Kwargs(CallArgs a)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (a.Keywords is not null)
        {
            foreach (var kv in a.Keywords)
            {
                d[kv.Key] = kv.Value;
            }
        }
        return d;
    }

    private sealed class MappingKwargs(PyMapping map) : IReadOnlyDictionary<string, object?>
    {
        public object? this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => map.Keys.Select(k => PyRepr.Str(k));

        public IEnumerable<object?> Values => map.Pairs.Select(p => p.Value);

        public int Count => map.Count;

        public bool ContainsKey(string key) => map.ContainsKey(key);

        public bool TryGetValue(string key, out object? value) => map.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
            map.Pairs.Select(p => new KeyValuePair<string, object?>(PyRepr.Str(p.Key), p.Value)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static object StripImpl(object s, CallArgs a, bool left, bool right)
    {
        var p = a.Pos(0, 1);
        string? chars = null;
        if (Given(p[0]) && p[0] is not null)
        {
            chars = AsStr(p[0]) ?? throw PythonError.TypeError($"{a.Name} arg must be None or str");
        }
        return PyStr.Strip(Text(s), chars, left, right);
    }

    private static object SplitImpl(object s, CallArgs a, bool fromRight)
    {
        var p = a.Named(0, "sep", "maxsplit");
        string? sep = null;
        if (Given(p[0]) && p[0] is not null)
        {
            sep = AsStr(p[0]) ?? throw PythonError.TypeError($"must be str or None, not {PyOps.TypeName(p[0])}");
        }
        long max = Given(p[1]) ? Index(p[1]) : -1;
        var parts = fromRight ? PyStr.RSplit(Text(s), sep, max) : PyStr.Split(Text(s), sep, max);
        return StrList(parts, s is Markup);
    }

    private static object AffixImpl(object s, CallArgs a, bool start)
    {
        if (a.Keywords is { Count: > 0 })
        {
            throw PythonError.TypeError($"{a.Qual}() takes no keyword arguments");
        }
        if (a.Count < 1 || a.Count > 3)
        {
            throw PythonError.TypeError(a.Count < 1
                ? $"{a.Name}() takes at least 1 argument (0 given)"
                : $"{a.Name}() takes at most 3 arguments ({a.Count} given)");
        }
        var args = a.Positional;
        long? from = SliceIndex(args.Length > 1 ? args[1] : _missing);
        long? to = SliceIndex(args.Length > 2 ? args[2] : _missing);
        string text = Text(s);
        if (args[0] is PyTuple tuple)
        {
            foreach (var item in tuple)
            {
                string affix = AsStr(item) ?? throw PythonError.TypeError($"tuple for {a.Name} must only contain str, not {PyOps.TypeName(item)}");
                if (start ? PyStr.StartsWith(text, affix, from, to) : PyStr.EndsWith(text, affix, from, to))
                {
                    return true;
                }
            }
            return false;
        }
        string one = AsStr(args[0]) ?? throw PythonError.TypeError(
            $"{a.Name} first arg must be str or a tuple of str, not {PyOps.TypeName(args[0])}");
        return start ? PyStr.StartsWith(text, one, from, to) : PyStr.EndsWith(text, one, from, to);
    }

    private static object SearchImpl(object s, CallArgs a, string kind)
    {
        if (a.Keywords is { Count: > 0 })
        {
            throw PythonError.TypeError($"{a.Qual}() takes no keyword arguments");
        }
        if (a.Count < 1 || a.Count > 3)
        {
            throw PythonError.TypeError(a.Count < 1
                ? $"{kind}() takes at least 1 argument (0 given)"
                : $"{kind}() takes at most 3 arguments ({a.Count} given)");
        }
        var args = a.Positional;
        string sub = AsStr(args[0]) ?? throw PythonError.TypeError($"must be str, not {PyOps.TypeName(args[0])}");
        long? from = SliceIndex(args.Length > 1 ? args[1] : _missing);
        long? to = SliceIndex(args.Length > 2 ? args[2] : _missing);
        string text = Text(s);
        switch (kind)
        {
            case "count":
                return PyStr.Count(text, sub, from, to);
            case "find":
                return PyStr.Find(text, sub, from, to);
            case "rfind":
                return PyStr.RFind(text, sub, from, to);
        }
        long r = kind == "index" ? PyStr.Find(text, sub, from, to) : PyStr.RFind(text, sub, from, to);
        return r < 0 ? throw PythonError.ValueError("substring not found") : r;
    }

    private static object PartitionImpl(object s, CallArgs a, bool fromRight)
    {
        var arg = a.One();
        string sep = NeedStr(arg, $"must be str, not {PyOps.TypeName(arg)}");
        var (head, mid, tail) = PyStr.Partition(Text(s), sep, fromRight);
        return new PyTuple(head, mid, tail);
    }

    // ------------------------------------------------------------------ Markup

    private static object? EscapeArg(object? v) => v switch
    {
        Markup => v,
        string s => new Markup(Markup.EscapeText(s)),
        _ => v,
    };

    private static CallArgs Escaped(CallArgs a)
    {
        var pos = new object?[a.Count];
        for (int i = 0; i < pos.Length; i++)
        {
            pos[i] = EscapeArg(a.Positional[i]);
        }
        List<KeyValuePair<string, object?>>? kw = null;
        if (a.Keywords is not null)
        {
            kw = [.. a.Keywords.Select(kv => new KeyValuePair<string, object?>(kv.Key, EscapeArg(kv.Value)))];
        }
        return new CallArgs(pos, kw, a.Name, a.Qual);
    }

    private static Dictionary<string, Impl> BuildMarkup()
    {
        var t = new Dictionary<string, Impl>(StringComparer.Ordinal);
        // MarkupSafe wraps these: string arguments are escaped, the result is Markup.
        foreach (var name in new[] { "capitalize", "title", "lower", "upper", "replace", "ljust", "rjust", "lstrip", "rstrip", "center", "strip", "expandtabs", "swapcase", "zfill" })
        {
            var inner = _str[name];
            t[name] = (s, a) => new Markup((string)inner(s, Escaped(a))!);
        }
        foreach (var name in new[] { "partition", "rpartition" })
        {
            var inner = _str[name];
            t[name] = (s, a) =>
            {
                var r = (PyTuple)inner(s, Escaped(a))!;
                return new PyTuple(new Markup((string)r[0]!), new Markup((string)r[1]!), new Markup((string)r[2]!));
            };
        }
        t["split"] = (s, a) => SplitImpl(s, a, false);
        t["rsplit"] = (s, a) => SplitImpl(s, a, true);
        t["splitlines"] = (s, a) =>
        {
            var p = a.Named(0, "keepends");
            return StrList(PyStr.SplitLines(Text(s), Given(p[0]) && PyOps.IsTrue(p[0])), true);
        };
        t["join"] = (s, a) =>
        {
            var items = a.One();
            var parts = new List<string>();
            foreach (var item in PyIter.Iterate(items))
            {
                parts.Add(item is Markup m ? m.Value : Markup.EscapeText(PyRepr.Str(item)));
            }
            return new Markup(string.Join(Text(s), parts));
        };
        t["format"] = (s, a) => StrFormat.FormatMarkup((Markup)s, a.Positional, Kwargs(a), a.FormatAttr, a.FormatItem);
        t["format_map"] = (s, a) =>
        {
            var map = a.One();
            if (!PyMapping.TryWrap(map, out var m))
            {
                throw PythonError.TypeError($"'{PyOps.TypeName(map)}' object is not subscriptable");
            }
            return StrFormat.FormatMarkup((Markup)s, [], new MappingKwargs(m), a.FormatAttr, a.FormatItem);
        };
        t["striptags"] = (s, a) => { a.None(); return PyStr.StripTags(Text(s)); };
        t["unescape"] = (s, a) => { a.None(); return PyStr.Unescape(Text(s)); };
        return t;
    }

    // ------------------------------------------------------------------ list and tuple

    private static IList AsIList(object self) => (IList)self;

    private static T Mutate<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidCastException)
        {
            throw PythonError.TypeError("this .NET list cannot be modified from a template: " + e.Message);
        }
    }

    private static long NormIndex(long i, int count, bool clamp)
    {
        if (i < 0)
        {
            i += count;
        }
        if (clamp)
        {
            i = Math.Clamp(i, 0, count);
        }
        return i;
    }

    private static object SeqIndex(IEnumerable items, int count, CallArgs a, Func<object?, string> notFound)
    {
        var p = a.Pos(1, 3);
        long start = Given(p[1]) ? NormIndex(Index(p[1]), count, true) : 0;
        long end = Given(p[2]) ? NormIndex(Index(p[2]), count, true) : count;
        long i = 0;
        foreach (var item in items)
        {
            if (i >= start && i < end && (PyOps.Identical(item, p[0]) || PyOps.Equal(item, p[0])))
            {
                return i;
            }
            i++;
        }
        throw PythonError.ValueError(notFound(p[0]));
    }

    private static long SeqCount(IEnumerable items, object? x)
    {
        long n = 0;
        foreach (var item in items)
        {
            if (PyOps.Identical(item, x) || PyOps.Equal(item, x))
            {
                n++;
            }
        }
        return n;
    }

    private static Dictionary<string, Impl> BuildList()
    {
        return new Dictionary<string, Impl>(StringComparer.Ordinal)
        {
            ["append"] = (s, a) => { var x = a.One(); Mutate(() => AsIList(s).Add(x)); return null; },
            ["extend"] = (s, a) =>
            {
                var items = PyIter.Iterate(a.One()).ToList();
                Mutate(() =>
                {
                    var l = AsIList(s);
                    foreach (var item in items)
                    {
                        l.Add(item);
                    }
                    return 0;
                });
                return null;
            },
            ["insert"] = (s, a) =>
            {
                var p = a.Pos(2, 2);
                var l = AsIList(s);
                long i = NormIndex(Index(p[0]), l.Count, true);
                Mutate(() => { l.Insert((int)i, p[1]); return 0; });
                return null;
            },
            ["pop"] = (s, a) =>
            {
                var p = a.Pos(0, 1);
                var l = AsIList(s);
                if (l.Count == 0)
                {
                    throw PythonError.IndexError("pop from empty list");
                }
                long i = Given(p[0]) ? NormIndex(Index(p[0]), l.Count, false) : l.Count - 1;
                if (i < 0 || i >= l.Count)
                {
                    throw PythonError.IndexError("pop index out of range");
                }
                var item = l[(int)i];
                Mutate(() => { l.RemoveAt((int)i); return 0; });
                return item;
            },
            ["remove"] = (s, a) =>
            {
                var x = a.One();
                var l = AsIList(s);
                for (int i = 0; i < l.Count; i++)
                {
                    if (PyOps.Identical(l[i], x) || PyOps.Equal(l[i], x))
                    {
                        Mutate(() => { l.RemoveAt(i); return 0; });
                        return null;
                    }
                }
                throw PythonError.ValueError("list.remove(x): x not in list");
            },
            ["index"] = (s, a) => SeqIndex(AsIList(s), AsIList(s).Count, a, x => $"{PyRepr.Repr(x)} is not in list"),
            ["count"] = (s, a) => SeqCount(AsIList(s), a.One()),
            ["reverse"] = (s, a) =>
            {
                a.None();
                var l = AsIList(s);
                Mutate(() =>
                {
                    for (int i = 0, j = l.Count - 1; i < j; i++, j--)
                    {
                        (l[i], l[j]) = (l[j], l[i]);
                    }
                    return 0;
                });
                return null;
            },
            ["sort"] = (s, a) =>
            {
                if (a.Count > 0)
                {
                    throw PythonError.TypeError("sort() takes no positional arguments");
                }
                var p = a.Named(0, "key", "reverse");
                if (Given(p[0]) && p[0] is not null)
                {
                    throw PythonError.TypeError("sort() key functions are not supported in templates");
                }
                bool reverse = Given(p[1]) && PyOps.IsTrue(p[1]);
                var l = AsIList(s);
                var sorted = Sort(l.Cast<object?>().ToList(), reverse);
                Mutate(() =>
                {
                    for (int i = 0; i < sorted.Count; i++)
                    {
                        l[i] = sorted[i];
                    }
                    return 0;
                });
                return null;
            },
            ["copy"] = (s, a) => { a.None(); return AsIList(s).Cast<object?>().ToList(); },
            ["clear"] = (s, a) => { a.None(); Mutate(() => { AsIList(s).Clear(); return 0; }); return null; },
        };
    }

    /// <summary>
    /// Python's stable <c>list.sort()</c> using only <c>&lt;</c> (later &lt; earlier, as CPython's
    /// timsort compares), optionally reversed while keeping equal items in order.
    /// </summary>
    public static List<object?> Sort(List<object?> items, bool reverse = false) => Sort(items, null, reverse);

    /// <summary>
    /// Python's <c>sorted(items, key=key, reverse=reverse)</c>: stable, comparing the keys with <c>&lt;</c>
    /// only (each key computed once), as Jinja's sort, dictsort, unique, min and max filters need.
    /// </summary>
    public static List<object?> Sort(IEnumerable<object?> items, Func<object?, object?>? key, bool reverse = false)
    {
        if (key is not null)
        {
            var pairs = items.Select(x => (object?)new PyTuple(key(x), x)).ToList();
            var byKey = new List<object?>(pairs.Count);
            // Sort (key, item) pairs by key alone: wrap keys so ties never compare the items.
            var keys = pairs.Select((p, i) => (object?)new KeyedItem(((PyTuple)p!)[0], i)).ToList();
            foreach (var k in Sort(keys, null, reverse))
            {
                byKey.Add(((PyTuple)pairs[((KeyedItem)k!).Index]!)[1]);
            }
            return byKey;
        }
        var work = new List<object?>(items);
        if (reverse)
        {
            work.Reverse();
        }
        var buffer = new object?[work.Count];
        var arr = work.ToArray();
        MergeSort(arr, buffer, 0, arr.Length);
        var result = arr.ToList();
        if (reverse)
        {
            result.Reverse();
        }
        return result;
    }

    private sealed record KeyedItem(object? Key, int Index);

    private static bool SortLess(object? x, object? y) =>
        x is KeyedItem kx && y is KeyedItem ky ? PyOps.Less(kx.Key, ky.Key) : PyOps.Less(x, y);

    private static void MergeSort(object?[] a, object?[] tmp, int lo, int hi)
    {
        if (hi - lo < 2)
        {
            return;
        }
        if (hi - lo <= 16)
        {
            for (int i = lo + 1; i < hi; i++)
            {
                var x = a[i];
                int j = i;
                while (j > lo && SortLess(x, a[j - 1]))
                {
                    a[j] = a[j - 1];
                    j--;
                }
                a[j] = x;
            }
            return;
        }
        int mid = (lo + hi) / 2;
        MergeSort(a, tmp, lo, mid);
        MergeSort(a, tmp, mid, hi);
        int l = lo, r = mid, k = lo;
        while (l < mid && r < hi)
        {
            tmp[k++] = SortLess(a[r], a[l]) ? a[r++] : a[l++];
        }
        while (l < mid)
        {
            tmp[k++] = a[l++];
        }
        while (r < hi)
        {
            tmp[k++] = a[r++];
        }
        Array.Copy(tmp, lo, a, lo, hi - lo);
    }

    private static Dictionary<string, Impl> BuildTuple()
    {
        return new Dictionary<string, Impl>(StringComparer.Ordinal)
        {
            ["index"] = (s, a) => SeqIndex((PyTuple)s, ((PyTuple)s).Count, a, _ => "tuple.index(x): x not in tuple"),
            ["count"] = (s, a) => SeqCount((PyTuple)s, a.One()),
        };
    }

    // ------------------------------------------------------------------ dict

    private static PyMapping Map(object self)
    {
        PyMapping.TryWrap(self, out var m);
        return m;
    }

    private static void Set(object self, object? key, object? value)
    {
        PyOps.CheckHashable(key);
        switch (self)
        {
            case PyDict d:
                d[PyNoneKey.ToStored(key)] = value;
                return;
            case IDictionary<object, object?> g:
                g[PyNoneKey.ToStored(ExistingKey(self, key))] = value;
                return;
            case IDictionary nd when !nd.IsReadOnly:
                try
                {
                    nd[ExistingKey(self, key)!] = value;
                }
                catch (Exception e) when (e is ArgumentException or InvalidCastException or NotSupportedException)
                {
                    throw PythonError.TypeError("this .NET dictionary cannot be modified from a template: " + e.Message);
                }
                return;
        }
        throw PythonError.TypeError("this .NET dictionary cannot be modified from a template");
    }

    private static object? ExistingKey(object self, object? key)
    {
        foreach (var k in Map(self).Keys)
        {
            if (PyOps.Equal(k, key))
            {
                return k;
            }
        }
        return key;
    }

    private static void Remove(object self, object? key)
    {
        switch (self)
        {
            case PyDict d:
                d.Remove(PyNoneKey.ToStored(key));
                return;
            case IDictionary<object, object?> g:
                g.Remove(PyNoneKey.ToStored(ExistingKey(self, key)));
                return;
            case IDictionary nd when !nd.IsReadOnly:
                try
                {
                    nd.Remove(ExistingKey(self, key)!);
                }
                catch (NotSupportedException e)
                {
                    throw PythonError.TypeError("this .NET dictionary cannot be modified from a template: " + e.Message);
                }
                return;
        }
        throw PythonError.TypeError("this .NET dictionary cannot be modified from a template");
    }

    private static void Update(object self, object? other, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        if (other is not null && other != _missing)
        {
            if (PyMapping.TryWrap(other, out var om))
            {
                foreach (var kv in om.Pairs.ToList())
                {
                    Set(self, kv.Key, kv.Value);
                }
            }
            else
            {
                int i = 0;
                foreach (var item in PyIter.Iterate(other).ToList())
                {
                    List<object?> pair;
                    try
                    {
                        pair = PyIter.Iterate(item).ToList();
                    }
                    catch (PythonError)
                    {
                        throw PythonError.TypeError($"cannot convert dictionary update sequence element #{i} to a sequence");
                    }
                    if (pair.Count != 2)
                    {
                        throw PythonError.ValueError($"dictionary update sequence element #{i} has length {pair.Count}; 2 is required");
                    }
                    Set(self, pair[0], pair[1]);
                    i++;
                }
            }
        }
        else if (other is null && other != _missing)
        {
            throw PythonError.TypeError("'NoneType' object is not iterable");
        }
        if (kwargs is not null)
        {
            foreach (var kv in kwargs)
            {
                Set(self, kv.Key, kv.Value);
            }
        }
    }

    private static Dictionary<string, Impl> BuildDict()
    {
        return new Dictionary<string, Impl>(StringComparer.Ordinal)
        {
            ["items"] = (s, a) => { a.None(); return new PyDictView(Map(s), PyDictView.ViewKind.Items); },
            ["keys"] = (s, a) => { a.None(); return new PyDictView(Map(s), PyDictView.ViewKind.Keys); },
            ["values"] = (s, a) => { a.None(); return new PyDictView(Map(s), PyDictView.ViewKind.Values); },
            ["get"] = (s, a) =>
            {
                var p = a.Pos(1, 2);
                PyOps.CheckHashable(p[0]);
                return Map(s).TryGetValue(p[0], out var v) ? v : Given(p[1]) ? p[1] : null;
            },
            ["update"] = (s, a) =>
            {
                if (a.Count > 1)
                {
                    throw PythonError.TypeError($"update expected at most 1 argument, got {a.Count}");
                }
                Update(s, a.Count == 1 ? a.Positional[0] : _missing, a.Keywords);
                return null;
            },
            ["pop"] = (s, a) =>
            {
                var p = a.Pos(1, 2);
                PyOps.CheckHashable(p[0]);
                if (Map(s).TryGetValue(p[0], out var v))
                {
                    Remove(s, p[0]);
                    return v;
                }
                return Given(p[1]) ? p[1] : throw PythonError.KeyError(PyRepr.Repr(p[0]));
            },
            ["popitem"] = (s, a) =>
            {
                a.None();
                var m = Map(s);
                if (m.Count == 0)
                {
                    throw PythonError.KeyError("'popitem(): dictionary is empty'");
                }
                var last = m.Pairs.Last();
                Remove(s, last.Key);
                return new PyTuple(last.Key, last.Value);
            },
            ["setdefault"] = (s, a) =>
            {
                var p = a.Pos(1, 2);
                PyOps.CheckHashable(p[0]);
                if (Map(s).TryGetValue(p[0], out var v))
                {
                    return v;
                }
                var value = Given(p[1]) ? p[1] : null;
                Set(s, p[0], value);
                return value;
            },
            ["copy"] = (s, a) =>
            {
                a.None();
                var d = new PyDict();
                foreach (var kv in Map(s).Pairs)
                {
                    d[PyNoneKey.ToStored(kv.Key)] = kv.Value;
                }
                return d;
            },
            ["clear"] = (s, a) =>
            {
                a.None();
                switch (s)
                {
                    case PyDict d:
                        d.Clear();
                        break;
                    case IDictionary<object, object?> g:
                        g.Clear();
                        break;
                    case IDictionary nd when !nd.IsReadOnly:
                        nd.Clear();
                        break;
                    default:
                        throw PythonError.TypeError("this .NET dictionary cannot be modified from a template");
                }
                return null;
            },
        };
    }
}
