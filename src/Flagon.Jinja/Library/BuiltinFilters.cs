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
        f["default"] = f["d"] = Default;
        f["length"] = f["count"] = (object? v) => Ops.Length(v);
        f["join"] = Join;
        f["upper"] = (object? v) => v is Markup m ? new Markup(Upper(m.Value)) : (object)Upper(Ops.Str(v));
        f["lower"] = (object? v) => v is Markup m ? new Markup(Lower(m.Value)) : (object)Lower(Ops.Str(v));
        f["capitalize"] = (object? v) => StrOp(v, s => s.Length == 0 ? s : Upper(s[..1]) + Lower(s[1..]));
        f["title"] = (object? v) => StrOp(v, Title);
        f["trim"] = (object? v, object? chars = null) => StrOp(v, s => chars is null ? s.Trim(Lexing.Lexer.PyWhitespace) : s.Trim(Ops.Str(chars).ToCharArray()));
        f["string"] = (object? v) => v is Markup ? v : Ops.Str(v);
        f["int"] = Int;
        f["float"] = Float;
        f["list"] = (object? v) => Ops.Iterate(v).ToList();
        f["first"] = First;
        f["last"] = Last;
        f["abs"] = Abs;
        f["replace"] = Replace;
        f["round"] = Round;
        f["items"] = Items;
        f["dictsort"] = DictSort;
        f["sort"] = Sort;
        f["reverse"] = (object? v) => v is string s ? new string(Ops.StringChars(s).Cast<string>().Reverse().SelectMany(x => x).ToArray()) : (object)Ops.Iterate(v).Reverse().ToList();
        f["sum"] = Sum;
        f["batch"] = Batch;
        f.Add("map", JinjaFunction.Raw("map", Map));
        f.Add("select", JinjaFunction.Raw("select", (ctx, a, k) => SelectOrReject(ctx, a, k, true, false)));
        f.Add("reject", JinjaFunction.Raw("reject", (ctx, a, k) => SelectOrReject(ctx, a, k, false, false)));
        f.Add("selectattr", JinjaFunction.Raw("selectattr", (ctx, a, k) => SelectOrReject(ctx, a, k, true, true)));
        f.Add("rejectattr", JinjaFunction.Raw("rejectattr", (ctx, a, k) => SelectOrReject(ctx, a, k, false, true)));
        f.Add("format", JinjaFunction.Raw("format", Format));
        f["tojson"] = ToJson;
        f["indent"] = Indent;
        f["truncate"] = Truncate;
        f["center"] = (object? v, long width = 80) => StrOp(v, s => Center(s, (int)width));
        f["wordcount"] = (object? v) => (long)WordRe().Matches(Ops.Str(v)).Count;
        RegisterLibrary(f);
        f["attr"] = (EvalContext ctx, object? obj, string name) => Ops.TryGetAttribute(obj, name, out var value) ? value : ctx.Undefined(obj: obj, name: name, hasObject: true);
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRe();

    [GeneratedRegex(@"([-\s({\[<]+)")]
    private static partial Regex WordBeginningRe();

    internal static string Upper(string s) => PyStr.Upper(s);

    internal static string Lower(string s) => PyStr.Lower(s);

    private static string Title(string s) => string.Concat(WordBeginningRe().Split(s).Where(x => x.Length > 0).Select(x => Upper(x[..1]) + Lower(x[1..])));

    private static object StrOp(object? v, Func<string, string> op) => v is Markup m ? new Markup(op(m.Value)) : op(Ops.Str(v));

    private static object? Default(object? value, object? defaultValue = null, bool boolean = false)
    {
        defaultValue ??= "";
        if (value is Undefined || (boolean && !Ops.Truthy(value)))
        {
            return defaultValue is DefaultMarker ? "" : defaultValue;
        }
        return value;
    }

    private sealed class DefaultMarker;

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

    private static object? Int(object? value, object? defaultValue = null, long @base = 10)
    {
        defaultValue ??= 0L;
        if (value is Undefined u)
        {
            throw u.Fail();
        }
        value = ObjectAdapter.Normalize(value);
        switch (value)
        {
            case long or BigInteger:
                return value;
            case bool b:
                return b ? 1L : 0L;
            case double d:
                return double.IsFinite(d) ? Narrow(new BigInteger(Math.Truncate(d))) : defaultValue;
            case string or Markup:
                {
                    string s = Ops.Str(value).Trim().Replace("_", "");
                    if (@base == 10 && BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
                    {
                        return Narrow(big);
                    }
                    if (@base != 10)
                    {
                        try
                        {
                            string digits = s.ToLowerInvariant();
                            if ((@base == 16 && digits.StartsWith("0x")) || (@base == 8 && digits.StartsWith("0o")) || (@base == 2 && digits.StartsWith("0b")))
                            {
                                digits = digits[2..];
                            }
                            return Convert.ToInt64(digits, (int)@base);
                        }
                        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
                        {
                            return defaultValue;
                        }
                    }
                    if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double dv) && double.IsFinite(dv))
                    {
                        return Narrow(new BigInteger(Math.Truncate(dv)));
                    }
                    return defaultValue;
                }
            default:
                return defaultValue;
        }
    }

    private static object Narrow(BigInteger v) => v >= long.MinValue && v <= long.MaxValue ? (object)(long)v : v;

    private static object? Float(object? value, object? defaultValue = null)
    {
        defaultValue ??= 0.0;
        if (value is Undefined u)
        {
            throw u.Fail();
        }
        value = ObjectAdapter.Normalize(value);
        return value switch
        {
            double d => d,
            long l => (double)l,
            bool b => b ? 1.0 : 0.0,
            BigInteger big => (double)big,
            string or Markup when Ops.Str(value).Trim().Replace("_", "") is var s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double r) => r,
            string or Markup when Ops.Str(value).Trim().ToLowerInvariant() is var s2 && s2 is "inf" or "+inf" or "infinity" => double.PositiveInfinity,
            string or Markup when Ops.Str(value).Trim().ToLowerInvariant() is "-inf" or "-infinity" => double.NegativeInfinity,
            string or Markup when Ops.Str(value).Trim().ToLowerInvariant() is "nan" => double.NaN,
            _ => defaultValue,
        };
    }

    private static object? First(EvalContext ctx, object? seq)
    {
        foreach (var x in Ops.Iterate(seq))
        {
            return x;
        }
        return ctx.Undefined("No first item, sequence was empty.");
    }

    private static object? Last(EvalContext ctx, object? seq)
    {
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

    private static object? Round(object? value, long precision = 0, string method = "common")
    {
        value = ObjectAdapter.Normalize(value);
        if (method is not ("common" or "ceil" or "floor"))
        {
            throw new FilterArgumentError("method must be common, ceil or floor");
        }
        if (method == "common")
        {
            if (value is long or BigInteger)
            {
                if (precision >= 0)
                {
                    return value;
                }
                var big = value is long lv ? new BigInteger(lv) : (BigInteger)value;
                var unit = BigInteger.Pow(10, (int)Math.Min(-precision, 4000));
                var q = BigInteger.DivRem(big, unit, out var rem);
                if (rem.Sign < 0)
                {
                    q -= 1;
                    rem += unit;
                }
                var twice = rem * 2;
                if (twice > unit || (twice == unit && !q.IsEven))
                {
                    q += 1;
                }
                return Narrow(q * unit);
            }
            double d = value is double x ? x : Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return PyRound(d, (int)precision);
        }
        double v = value is double y ? y : Convert.ToDouble(value, CultureInfo.InvariantCulture);
        double scale = Math.Pow(10, precision);
        return (method == "ceil" ? Math.Ceiling(v * scale) : Math.Floor(v * scale)) / scale;
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

    private static object Batch(object? value, long linecount, object? fillWith = null)
    {
        var result = new List<object?>();
        List<object?>? tmp = null;
        foreach (var item in Ops.Iterate(value))
        {
            tmp ??= new List<object?>();
            tmp.Add(item);
            if (tmp.Count == linecount)
            {
                result.Add(tmp);
                tmp = null;
            }
        }
        if (tmp is not null)
        {
            if (fillWith is not null)
            {
                while (tmp.Count < linecount)
                {
                    tmp.Add(fillWith);
                }
            }
            result.Add(tmp);
        }
        return result;
    }

    private static object Map(EvalContext ctx, object?[] a, IReadOnlyList<KeyValuePair<string, object?>>? k)
    {
        var seq = Ops.Iterate(a[0]);
        var attribute = k?.FirstOrDefault(p => p.Key == "attribute");
        if (attribute is { Key: not null })
        {
            var dflt = k!.FirstOrDefault(p => p.Key == "default").Value;
            return seq.Select(Getter(ctx, attribute.Value.Value, dflt)).ToList();
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
        return seq.Select(x => filter.Call(ctx, [x, .. extra], k)).ToList();
    }

    private static object SelectOrReject(EvalContext ctx, object?[] a, IReadOnlyList<KeyValuePair<string, object?>>? k, bool select, bool byAttr)
    {
        var seq = Ops.Iterate(a[0]);
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
        return seq.Where(x => test(getter(x)) == select).ToList();
    }

    private static object Format(EvalContext ctx, object?[] a, IReadOnlyList<KeyValuePair<string, object?>>? k)
    {
        if (a.Length > 1 && k is { Count: > 0 })
        {
            throw new FilterArgumentError("can't handle positional and keyword arguments at the same time");
        }
        object? args = k is { Count: > 0 }
            ? new PyDict(k.Select(p => new KeyValuePair<object, object?>(p.Key, p.Value)))
            : a.Length == 2 && a[1] is string or long or double or bool or null
                ? a[1] // value % x equals value % (x,) for a scalar x; saves the tuple per call
                : new PyTuple(a[1..]);
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

    private static object Truncate(object? s, long length = 255, bool killwords = false, string end = "...", long? leeway = null)
    {
        string text = Ops.Str(s);
        long lw = leeway ?? 5;
        if (length < end.Length)
        {
            throw new TemplateRuntimeError($"expected length >= {end.Length}, got {length}");
        }
        if (lw < 0)
        {
            throw new TemplateRuntimeError($"expected leeway >= 0, got {lw}");
        }
        // Counted and cut by code point, without materialising them (the hot path of a page of cards).
        if (PyString.Length(text) <= length + lw)
        {
            return text;
        }
        var head = text.AsSpan(0, PyString.ToUnitIndex(text, (int)(length - end.Length)));
        if (!killwords)
        {
            int sp = head.LastIndexOf(' ');
            if (sp >= 0)
            {
                head = head[..sp];
            }
        }
        return string.Concat(head, end);
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
