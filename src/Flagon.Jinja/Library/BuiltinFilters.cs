using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Library;

/// <summary>The built-in filters the language leans on (the full library is registered elsewhere).</summary>
internal static partial class BuiltinFilters
{
    public static void Register(FunctionRegistry f)
    {
        f["safe"] = (object? v) => v as Markup ?? new Markup(Ops.Str(v));
        f["escape"] = f["e"] = (object? v) => Ops.Escape(v);
        f["forceescape"] = (object? v) => Markup.Escape(Ops.Str(v));
        var dflt = JinjaFunction.Raw("default", (ctx, a, k) =>
        {
            var v = FilterArgs.Bind("do_default", a, k, ["default_value", "boolean"], out var given);
            return Default(a.Length > 0 ? a[0] : null, given[0] ? v[0] : "", given[1] && Ops.Truthy(v[1]));
        });
        f.Add("default", dflt);
        f.Add("d", dflt);
        f["length"] = f["count"] = (object? v) => Ops.Length(v);
        f["join"] = Join;
        f["upper"] = (object? v) => v is Markup m ? new Markup(Upper(m.Value)) : (object)Upper(Ops.Str(v));
        f["lower"] = (object? v) => v is Markup m ? new Markup(Lower(m.Value)) : (object)Lower(Ops.Str(v));
        f["capitalize"] = (object? v) => StrOp(v, PyStr.Capitalize);
        // Jinja2 joins the title-cased words with "".join, so a Markup input comes out as a plain str.
        f["title"] = (object? v) => Title(Ops.Str(v));
        f["trim"] = (object? v, object? chars = null) => StrOp(v, s => chars is null ? s.Trim(Lexing.Lexer.PyWhitespace) : s.Trim(Ops.Str(chars).ToCharArray()));
        f["string"] = (object? v) => v is Markup ? v : Ops.Str(v);
        f.Add("int", JinjaFunction.Raw("int", (ctx, a, k) =>
        {
            var v = FilterArgs.Bind("do_int", a, k, ["default", "base"], out var given);
            return Int(a.Length > 0 ? a[0] : null, given[0] ? v[0] : 0L, given[1] ? v[1] : 10L);
        }));
        f.Add("float", JinjaFunction.Raw("float", (ctx, a, k) =>
        {
            var v = FilterArgs.Bind("do_float", a, k, ["default"], out var given);
            return Float(a.Length > 0 ? a[0] : null, given[0] ? v[0] : 0.0);
        }));
        f["list"] = (object? v) => Ops.Iterate(v).ToList();
        f["first"] = First;
        f["last"] = Last;
        f["abs"] = Abs;
        f["replace"] = Replace;
        f["round"] = Round;
        f["items"] = ItemsFilter;
        f["dictsort"] = DictSort;
        f["sort"] = Sort;
        f["reverse"] = Reverse;
        f["sum"] = Sum;
        f["batch"] = Batch;
        // These are generators in Jinja2: lazy, single pass, no len().
        f.Add("map", JinjaFunction.Raw("map", (ctx, a, k) => Generator(() => Map(ctx, a, k))));
        f.Add("select", JinjaFunction.Raw("select", (ctx, a, k) => Generator(() => SelectOrReject(ctx, a, k, true, false))));
        f.Add("reject", JinjaFunction.Raw("reject", (ctx, a, k) => Generator(() => SelectOrReject(ctx, a, k, false, false))));
        f.Add("selectattr", JinjaFunction.Raw("selectattr", (ctx, a, k) => Generator(() => SelectOrReject(ctx, a, k, true, true))));
        f.Add("rejectattr", JinjaFunction.Raw("rejectattr", (ctx, a, k) => Generator(() => SelectOrReject(ctx, a, k, false, true))));
        f.Add("format", FormatFilter);
        f["tojson"] = ToJson;
        f["indent"] = Indent;
        f["truncate"] = Truncate;
        f["center"] = (object? v, long width = 80) => StrOp(v, s => Center(s, (int)width));
        f["wordcount"] = (object? v) => (long)WordRe().Matches(Ops.Str(v)).Count;
        RegisterLibrary(f);
        f["attr"] = (EvalContext ctx, object? obj, string name) => Ops.GetAttributeOnly(ctx, obj, name);
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRe();

    [GeneratedRegex(@"([-\s({\[<]+)")]
    private static partial Regex WordBeginningRe();

    internal static string Upper(string s) => PyStr.Upper(s);

    internal static string Lower(string s) => PyStr.Lower(s);

    private static string Title(string s) => string.Concat(WordBeginningRe().Split(s).Where(x => x.Length > 0).Select(x => Upper(x[..1]) + Lower(x[1..])));

    /// <summary>A Python generator over a sequence computed only when first iterated (errors included).</summary>
    internal static PyIterator Generator(Func<IEnumerable<object?>> body) => new("generator", Deferred(body));

    private static IEnumerable<object?> Deferred(Func<IEnumerable<object?>> body)
    {
        foreach (var item in body())
        {
            yield return item;
        }
    }

    /// <summary>Jinja2's do_reverse: strings sliced backwards, sequences as reversed(), other iterables as a reversed list.</summary>
    private static object? Reverse(object? value)
    {
        switch (ObjectAdapter.Normalize(value))
        {
            case string s:
                return ReverseText(s);
            case Markup m:
                return new Markup(ReverseText(m.Value));
            case List<object?> l:
                return new PyIterator("list_reverseiterator", ReverseOf(l));
            case PyTuple t:
                return new PyIterator("reversed", ReverseOf(t));
            case PyRange r:
                return new PyIterator("range_iterator", ReverseOf(r));
            case PyDict d:
                return new PyIterator("dict_reversekeyiterator", ReverseOf(d.Keys.ToList()));
            case Undefined u:
                return Ops.Iterate(u).ToList();
            case var v when v is null || PyNumber.IsNumber(v):
                throw new FilterArgumentError("argument must be iterable");
            case var v when ObjectAdapter.Iterate(v!) is null:
                throw new FilterArgumentError("argument must be iterable");
            case var v:
                {
                    var list = Ops.Iterate(v).ToList();
                    list.Reverse();
                    return list;
                }
        }
    }

    private static IEnumerable<object?> ReverseOf(IReadOnlyList<object?> items)
    {
        for (int i = items.Count - 1; i >= 0; i--)
        {
            yield return items[i];
        }
    }

    private static string ReverseText(string s) => string.Concat(Ops.StringChars(s).Cast<string>().Reverse());

    private static object StrOp(object? v, Func<string, string> op) => v is Markup m ? new Markup(op(m.Value)) : op(Ops.Str(v));

    private static object? Default(object? value, object? defaultValue, bool boolean) =>
        value is Undefined || (boolean && !Ops.Truthy(value)) ? defaultValue : value;

    private static object Join(EvalContext ctx, object? value, object? d = null, object? attribute = null)
    {
        d ??= "";
        var items = Ops.Iterate(value);
        if (attribute is not null)
        {
            items = items.Select(Getter(ctx, attribute, null));
        }
        var list = items.ToList();
        if (!ctx.Autoescape)
        {
            return string.Join(Ops.Str(d), list.Select(Ops.Str));
        }
        if (d is not Markup)
        {
            bool escape = list.Any(x => x is Markup);
            if (escape)
            {
                return new Markup(string.Join(Ops.Escape(d).Value, list.Select(x => Ops.Escape(x).Value)));
            }
            return string.Join(Ops.Str(d), list.Select(Ops.Str));
        }
        return new Markup(string.Join(((Markup)d).Value, list.Select(x => Ops.Escape(x).Value)));
    }

    /// <summary>Jinja's <c>make_attrgetter</c>: dotted paths, integer parts as indexes.</summary>
    internal static Func<object?, object?> Getter(EvalContext ctx, object? attribute, object? defaultValue)
    {
        var parts = attribute is string s ? s.Split('.').Select(p => long.TryParse(p, out long i) ? (object)i : p).ToArray() : [attribute!];
        return item =>
        {
            foreach (var part in parts)
            {
                item = part is string name ? Ops.GetItem(ctx, item, name) : Ops.GetItem(ctx, item, part);
                if (defaultValue is not null && item is Undefined)
                {
                    item = defaultValue;
                }
            }
            return item;
        };
    }

    /// <summary>Jinja2's do_int: int(value[, base]), then int(float(value)), else the default (OverflowError passes).</summary>
    private static object? Int(object? value, object? @default, object? @base)
    {
        if (value is Undefined u)
        {
            throw u.Fail();
        }
        value = ObjectAdapter.Normalize(value);
        try
        {
            return value is string or Markup ? PyConvert.ToInt(value, @base) : PyConvert.ToInt(value);
        }
        catch (PythonError e) when (e.PythonKind is "TypeError" or "ValueError")
        {
            try
            {
                return PyConvert.ToInt(PyConvert.ToFloat(value));
            }
            catch (PythonError e2) when (e2.PythonKind is "TypeError" or "ValueError")
            {
                return @default;
            }
        }
    }

    private static object Narrow(BigInteger v) => v >= long.MinValue && v <= long.MaxValue ? (object)(long)v : v;

    /// <summary>Jinja2's do_float: float(value), else the default.</summary>
    private static object? Float(object? value, object? @default)
    {
        if (value is Undefined u)
        {
            throw u.Fail();
        }
        try
        {
            return PyConvert.ToFloat(ObjectAdapter.Normalize(value));
        }
        catch (PythonError e) when (e.PythonKind is "TypeError" or "ValueError")
        {
            return @default;
        }
    }

    private static object? First(EvalContext ctx, object? seq)
    {
        foreach (var x in Ops.Iterate(seq))
        {
            return x;
        }
        return ctx.Undefined("No first item, sequence was empty.");
    }

    /// <summary>Jinja2's do_last: next(reversed(seq)); Markup items stay Markup, iterators are not reversible.</summary>
    private static object? Last(EvalContext ctx, object? seq)
    {
        seq = ObjectAdapter.Normalize(seq);
        if (seq is PyIterator it)
        {
            throw PythonError.TypeError($"'{it.TypeName}' object is not reversible");
        }
        if (seq is Markup m)
        {
            return m.Value.Length > 0 ? new Markup((string)Ops.StringChars(m.Value).Last()!) : ctx.Undefined("No last item, sequence was empty.");
        }
        var list = Ops.ToList(seq);
        return list.Count > 0 ? list[^1] : ctx.Undefined("No last item, sequence was empty.");
    }

    private static object? Abs(object? v)
    {
        v = ObjectAdapter.Normalize(v);
        return v switch
        {
            long l => l == long.MinValue ? (object)BigInteger.Abs(l) : Math.Abs(l),
            double d => Math.Abs(d),
            bool b => b ? 1L : 0L,
            BigInteger big => Narrow(BigInteger.Abs(big)),
            Undefined u => throw u.Fail(),
            _ => throw PythonError.TypeError($"bad operand type for abs(): '{Ops.TypeName(v)}'"),
        };
    }

    private static object Replace(EvalContext ctx, object? s, object? old, object? @new, long? count = null)
    {
        long n = count ?? -1;
        string ReplaceN(string text, string a, string b)
        {
            if (n < 0)
            {
                return a.Length == 0 ? InsertEverywhere(text, b) : text.Replace(a, b, StringComparison.Ordinal);
            }
            var sb = new StringBuilder();
            int pos = 0;
            for (long i = 0; i < n; i++)
            {
                int at = text.IndexOf(a, pos, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }
                sb.Append(text, pos, at - pos).Append(b);
                pos = at + a.Length;
            }
            return sb.Append(text, pos, text.Length - pos).ToString();
        }
        if (!ctx.Autoescape)
        {
            return ReplaceN(Ops.Str(s), Ops.Str(old), Ops.Str(@new));
        }
        if ((old is Markup || @new is Markup) && s is not Markup)
        {
            s = Ops.Escape(s);
        }
        if (s is Markup m)
        {
            return new Markup(ReplaceN(m.Value, Ops.Escape(old).Value, Ops.Escape(@new).Value));
        }
        return ReplaceN(Ops.Str(s), Ops.Str(old), Ops.Str(@new));
    }

    private static string InsertEverywhere(string text, string b)
    {
        var sb = new StringBuilder(b);
        foreach (char c in text)
        {
            sb.Append(c).Append(b);
        }
        return sb.ToString();
    }

    /// <summary>Jinja2's do_round: round(value, precision), or math.ceil/floor(value * 10**precision) / 10**precision.</summary>
    private static object? Round(object? value, object? precision = null, string method = "common")
    {
        precision ??= 0L;
        if (method is not ("common" or "ceil" or "floor"))
        {
            throw new FilterArgumentError("method must be common, ceil or floor");
        }
        value = ObjectAdapter.Normalize(value);
        if (method == "common")
        {
            return PyConvert.Round(value, ObjectAdapter.Normalize(precision));
        }
        object? scale = Ops.Binary("**", 10L, precision);
        object? scaled = Ops.Binary("*", value, scale);
        object rounded;
        if (PyNumber.IsInt(scaled))
        {
            rounded = PyNumber.Normalize(PyNumber.ToBig(scaled!));
        }
        else if (PyNumber.IsFloat(scaled))
        {
            double d = PyNumber.ToDouble(scaled!);
            if (double.IsNaN(d))
            {
                throw PythonError.ValueError("cannot convert float NaN to integer");
            }
            if (double.IsInfinity(d))
            {
                throw PythonError.Overflow("cannot convert float infinity to integer");
            }
            rounded = PyNumber.Normalize(new BigInteger(method == "ceil" ? Math.Ceiling(d) : Math.Floor(d)));
        }
        else
        {
            throw PythonError.TypeError($"must be real number, not {Ops.TypeName(scaled)}");
        }
        return Ops.Binary("/", rounded, scale);
    }

    /// <summary>Python's round(x, n) for floats: correctly rounded, ties to even on the exact binary value.</summary>
    private static double PyRound(double x, int n)
    {
        if (!double.IsFinite(x))
        {
            return x;
        }
        if (n > 300)
        {
            return x;
        }
        // Exact decimal expansion of the double decides the rounding, as CPython does.
        string exact = x.ToString("F" + Math.Min(99, n + 30), CultureInfo.InvariantCulture);
        if (decimal.TryParse(x.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var dec) && n <= 28 && n >= 0)
        {
            var exactDec = new BigDecimalish(x);
            return exactDec.Round(n);
        }
        _ = exact;
        return Math.Round(x, Math.Clamp(n, 0, 15), MidpointRounding.ToEven);
    }

    /// <summary>The exact value of a double as mantissa × 2^exp, rounded to decimal digits like CPython.</summary>
    private readonly struct BigDecimalish(double value)
    {
        public double Round(int digits)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0)
            {
                exponent++;
            }
            else
            {
                mantissa |= 1L << 52;
            }
            exponent -= 1075;
            // value = mantissa * 2^exponent; scaled = value * 10^digits as a rational num/den.
            BigInteger num = mantissa;
            BigInteger den = BigInteger.One;
            if (exponent > 0)
            {
                num <<= exponent;
            }
            else
            {
                den <<= -exponent;
            }
            num *= BigInteger.Pow(10, digits);
            var q = BigInteger.DivRem(num, den, out var rem);
            var twice = rem * 2;
            if (twice > den || (twice == den && !q.IsEven))
            {
                q += 1;
            }
            double result = double.Parse(q.ToString(CultureInfo.InvariantCulture) + "E-" + digits.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
            return negative ? -result : result;
        }
    }

    /// <summary>Jinja2's do_items: a generator of (key, value) pairs; nothing for an undefined.</summary>
    private static object ItemsFilter(object? value) => Generator(() => (List<object?>)Items(value));

    private static object Items(object? value)
    {
        if (value is Undefined)
        {
            return new List<object?>();
        }
        if (value is PyDict d)
        {
            return d.Select(kv => (object?)new PyTuple(kv.Key, kv.Value)).ToList();
        }
        if (ObjectAdapter.IsMapping(value))
        {
            return Ops.Iterate(value).Select(k => (object?)new PyTuple(k, Ops.TryGetItem(value, k, out var v) ? v : null)).ToList();
        }
        throw PythonError.TypeError("Can only get item pairs from a mapping.");
    }

    private static object? SortKey(object? v, bool caseSensitive) => !caseSensitive && v is string s ? Lower(s) : v;

    private static int CompareValues(object? a, object? b) => Ops.Eq(a, b) ? 0 : Ops.Order("<", a, b);

    private static object DictSort(object? value, bool caseSensitive = false, string by = "key", bool reverse = false)
    {
        int pos = by switch
        {
            "key" => 0,
            "value" => 1,
            _ => throw new FilterArgumentError("You can only sort by either \"key\" or \"value\""),
        };
        if (value is Undefined u)
        {
            throw u.Fail(); // value.items() on an undefined
        }
        var items = ((List<object?>)Items(value)).Cast<PyTuple>().ToList();
        var sorted = items.OrderBy(t => SortKey(t[pos], caseSensitive), Comparer<object?>.Create(CompareValues)).ToList();
        if (reverse)
        {
            sorted = items.OrderByDescending(t => SortKey(t[pos], caseSensitive), Comparer<object?>.Create(CompareValues)).ToList();
        }
        return sorted.Cast<object?>().ToList();
    }

    private static object Sort(EvalContext ctx, object? value, bool reverse = false, bool caseSensitive = false, object? attribute = null)
    {
        var items = Ops.Iterate(value).ToList();
        var getters = attribute is string s
            ? s.Split(',').Select(p => Getter(ctx, p.Trim(), null)).ToArray()
            : attribute is null ? [x => x] : [Getter(ctx, attribute, null)];
        object? Key(object? item)
        {
            if (getters.Length == 1)
            {
                return SortKey(getters[0](item), caseSensitive);
            }
            return new PyTuple(getters.Select(g => SortKey(g(item), caseSensitive)).ToArray());
        }
        var cmp = Comparer<object?>.Create(CompareValues);
        return (reverse ? items.OrderByDescending(Key, cmp) : items.OrderBy(Key, cmp)).ToList();
    }

    private static object? Sum(EvalContext ctx, object? iterable, object? attribute = null, object? start = null)
    {
        object? total = start ?? 0L;
        var items = Ops.Iterate(iterable);
        if (attribute is not null)
        {
            items = items.Select(Getter(ctx, attribute, null));
        }
        foreach (var x in items)
        {
            total = Ops.Binary("+", total, x);
        }
        return total;
    }

    /// <summary>Jinja2's do_batch generator (a linecount of 0 yields an empty list before each item).</summary>
    private static object Batch(object? value, long linecount, object? fillWith = null) => Generator(() => BatchItems(value, linecount, fillWith));

    private static IEnumerable<object?> BatchItems(object? value, long linecount, object? fillWith)
    {
        var tmp = new List<object?>();
        foreach (var item in Ops.Iterate(value))
        {
            if (tmp.Count == linecount)
            {
                yield return tmp;
                tmp = new List<object?>();
            }
            tmp.Add(item);
        }
        if (tmp.Count > 0)
        {
            if (fillWith is not null)
            {
                while (tmp.Count < linecount)
                {
                    tmp.Add(fillWith);
                }
            }
            yield return tmp;
        }
    }

    private static IEnumerable<object?> Map(EvalContext ctx, object?[] a, IReadOnlyList<KeyValuePair<string, object?>>? k)
    {
        // Jinja2: "if value: for item in value" — a falsy value (None, undefined, empty) maps to nothing.
        if (!Ops.Truthy(a[0]))
        {
            return new List<object?>();
        }
        var seq = Ops.Iterate(a[0]);
        var attribute = k?.FirstOrDefault(p => p.Key == "attribute");
        if (attribute is { Key: not null })
        {
            var dflt = k!.FirstOrDefault(p => p.Key == "default").Value;
            return seq.Select(Getter(ctx, attribute.Value.Value, dflt));
        }
        if (a.Length < 2)
        {
            throw new FilterArgumentError("map requires a filter argument");
        }
        string name = Ops.Str(a[1]);
        if (!ctx.Environment.Filters.TryGet(name, out var filter))
        {
            throw new TemplateRuntimeError($"No filter named '{name}'.");
        }
        var extra = a[2..];
        return seq.Select(x => filter.Call(ctx, [x, .. extra], k));
    }

    private static IEnumerable<object?> SelectOrReject(EvalContext ctx, object?[] a, IReadOnlyList<KeyValuePair<string, object?>>? k, bool select, bool byAttr)
    {
        // Jinja2: "if value: for item in value" — a falsy value (None, undefined, empty) selects nothing
        // (the test is not even looked up).
        if (!Ops.Truthy(a[0]))
        {
            return new List<object?>();
        }
        int i = 1;
        Func<object?, object?> getter = x => x;
        if (byAttr)
        {
            if (a.Length < 2)
            {
                throw new FilterArgumentError("Missing parameter for attribute name");
            }
            getter = Getter(ctx, a[1], null);
            i = 2;
        }
        Func<object?, bool> test;
        if (a.Length > i)
        {
            string name = Ops.Str(a[i]);
            if (!ctx.Environment.Tests.TryGet(name, out var fn))
            {
                throw new TemplateRuntimeError($"No test named '{name}'.");
            }
            var extra = a[(i + 1)..];
            test = x => Ops.Truthy(fn.Call(ctx, [x, .. extra], k));
        }
        else
        {
            test = Ops.Truthy;
        }
        var seq = Ops.Iterate(a[0]);
        return seq.Where(x => test(getter(x)) == select);
    }

    /// <summary>The built-in <c>format</c> filter; the compiler binds a constant format string once when it sees this one.</summary>
    internal static readonly JinjaFunction FormatFilter = JinjaFunction.Raw("format", Format);

    /// <summary>The argument the <c>format</c> filter applies <c>%</c> to for one positional argument.</summary>
    internal static object? FormatArgs(object? single) => single is string or long or double or bool or null
        ? single // value % x equals value % (x,) for a scalar x; saves the tuple per call
        : new PyTuple(single);

    private static object Format(EvalContext ctx, object?[] a, IReadOnlyList<KeyValuePair<string, object?>>? k)
    {
        if (a.Length > 1 && k is { Count: > 0 })
        {
            throw new FilterArgumentError("can't handle positional and keyword arguments at the same time");
        }
        object? args = k is { Count: > 0 }
            ? new PyDict(k.Select(p => new KeyValuePair<object, object?>(p.Key, p.Value)))
            : a.Length == 2 ? FormatArgs(a[1]) : new PyTuple(a[1..]);
        return PercentFormat.Apply(a[0] is Markup ? a[0]! : Ops.Str(a[0]), args);
    }

    private static object ToJson(object? value, object? indent = null)
    {
        if (value is Undefined)
        {
            throw PythonError.TypeError("Object of type Undefined is not JSON serializable");
        }
        return PyJson.HtmlSafeDumps(ObjectAdapter.Normalize(value), indent);
    }

    private static object Indent(object? s, object? width = null, bool first = false, bool blank = false)
    {
        width ??= 4L;
        string indention = width is string ws ? ws : new string(' ', (int)(long)ObjectAdapter.Normalize(width)!);
        bool markup = s is Markup;
        string text = (markup ? ((Markup)s!).Value : Ops.Str(s)) + "\n";
        var lines = SplitLines(text);
        string rv;
        if (blank)
        {
            rv = string.Join("\n" + indention, lines);
        }
        else
        {
            rv = lines.Count > 0 ? lines[0] : "";
            if (lines.Count > 1)
            {
                rv += "\n" + string.Join("\n", lines.Skip(1).Select(l => l.Length > 0 ? indention + l : l));
            }
        }
        if (first)
        {
            rv = indention + rv;
        }
        return markup ? new Markup(rv) : rv;
    }

    private static List<string> SplitLines(string s)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                lines.Add(s[start..i]);
                if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.Length)
        {
            lines.Add(s[start..]);
        }
        return lines;
    }

    /// <summary>Jinja2's do_truncate; Markup input stays Markup (the end text is then escaped).</summary>
    private static object? Truncate(EvalContext ctx, object? s, long length = 255, bool killwords = false, object? end = null, object? leeway = null)
    {
        string endText = end is null ? "..." : Ops.Str(end);
        if (leeway is null)
        {
            ctx.Environment.Policies.TryGetValue("truncate.leeway", out leeway);
        }
        leeway = ObjectAdapter.Normalize(leeway) ?? 5L;
        if (!PyNumber.IsNumber(leeway))
        {
            throw PythonError.TypeError($"'>=' not supported between instances of '{Ops.TypeName(leeway)}' and 'int'");
        }
        double lw = PyNumber.ToDouble(leeway);
        int endLength = Ops.CodePointLength(endText);
        if (length < endLength)
        {
            throw new PythonError("AssertionError", $"expected length >= {endLength}, got {length}");
        }
        if (lw < 0)
        {
            throw new PythonError("AssertionError", $"expected leeway >= 0, got {Ops.Str(leeway)}");
        }
        if (s is not (string or Markup))
        {
            if (Ops.Length(s) <= length + lw)
            {
                return s;
            }
            throw killwords
                ? PythonError.TypeError($"can only concatenate {Ops.TypeName(s)} (not \"str\") to {Ops.TypeName(s)}")
                : PythonError.AttributeError($"'{Ops.TypeName(s)}' object has no attribute 'rsplit'");
        }
        string text = s is Markup m ? m.Value : (string)s;
        // Counted and cut by code point, without materialising them (the hot path of a page of cards).
        if (PyString.Length(text) <= length + lw)
        {
            return s;
        }
        var head = text.AsSpan(0, PyString.ToUnitIndex(text, (int)(length - endLength)));
        if (!killwords)
        {
            int sp = head.LastIndexOf(' ');
            if (sp >= 0)
            {
                head = head[..sp];
            }
        }
        return s is Markup ? new Markup(string.Concat(head, Markup.EscapeText(endText))) : string.Concat(head, endText);
    }

    private static string Center(string s, int width)
    {
        int len = Ops.CodePointLength(s);
        if (width <= len)
        {
            return s;
        }
        int pad = width - len;
        int left = (pad / 2) + (pad & width & 1);
        return new string(' ', left) + s + new string(' ', pad - left);
    }
}
