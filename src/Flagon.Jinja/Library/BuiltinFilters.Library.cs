using System.Text.RegularExpressions;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Library;

/// <summary>The rest of Jinja2 3.1's built-in filters (striptags, xmlattr, min, max, unique, ...).</summary>
internal static partial class BuiltinFilters
{
    private static void RegisterLibrary(FunctionRegistry f)
    {
        f["striptags"] = (object? v) => PyStr.StripTags(Ops.Str(v));
        f["xmlattr"] = XmlAttr;
        f["min"] = (EvalContext ctx, object? value, bool caseSensitive = false, object? attribute = null) => MinOrMax(ctx, value, caseSensitive, attribute, max: false);
        f["max"] = (EvalContext ctx, object? value, bool caseSensitive = false, object? attribute = null) => MinOrMax(ctx, value, caseSensitive, attribute, max: true);
        f["unique"] = Unique;
        f["groupby"] = GroupBy;
        f["filesizeformat"] = FileSizeFormat;
        f["wordwrap"] = WordWrap;
        f["urlencode"] = UrlEncode;
        f["slice"] = Slice;
        f["urlize"] = Urlize;
        f["random"] = RandomItem;
        f["pprint"] = (object? v) => PyPrettyPrint.PFormat(ObjectAdapter.Normalize(v));
    }

    [GeneratedRegex(@"[ \t\n\r\f\v/>=]")]
    private static partial Regex AttrKeyRe();

    private static object XmlAttr(EvalContext ctx, object? d, bool autospace = true)
    {
        if (d is Undefined u)
        {
            // d.items() on an Undefined fails, as in Jinja.
            throw u.Fail();
        }
        var parts = new List<string>();
        foreach (var pair in ((List<object?>)Items(d)).Cast<PyTuple>())
        {
            var key = pair[0];
            var value = pair[1];
            if (value is null || value is Undefined)
            {
                continue;
            }
            string keyText = Ops.Str(key);
            if (AttrKeyRe().IsMatch(keyText))
            {
                throw PythonError.ValueError($"Invalid character in attribute name: {Ops.Repr(key)}");
            }
            parts.Add($"{Ops.Escape(key).Value}=\"{Ops.Escape(value).Value}\"");
        }
        string rv = string.Join(" ", parts);
        if (autospace && rv.Length > 0)
        {
            rv = " " + rv;
        }
        return ctx.Autoescape ? new Markup(rv) : rv;
    }

    private static Func<object?, object?> KeyFunc(EvalContext ctx, bool caseSensitive, object? attribute)
    {
        var getter = attribute is null ? (x => x) : Getter(ctx, attribute, null);
        return caseSensitive ? getter : x => SortKey(getter(x), false);
    }

    private static object? MinOrMax(EvalContext ctx, object? value, bool caseSensitive, object? attribute, bool max)
    {
        using var it = Ops.Iterate(value).GetEnumerator();
        if (!it.MoveNext())
        {
            return ctx.Undefined("No aggregated item, sequence was empty.");
        }
        var key = KeyFunc(ctx, caseSensitive, attribute);
        object? best = it.Current;
        object? bestKey = key(best);
        while (it.MoveNext())
        {
            object? item = it.Current;
            object? k = key(item);
            if (max ? Ops.Compare(">", k, bestKey) : Ops.Compare("<", k, bestKey))
            {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }

    private static object Unique(EvalContext ctx, object? value, bool caseSensitive = false, object? attribute = null) =>
        Generator(() => UniqueItems(ctx, value, caseSensitive, attribute));

    private static IEnumerable<object?> UniqueItems(EvalContext ctx, object? value, bool caseSensitive, object? attribute)
    {
        var key = KeyFunc(ctx, caseSensitive, attribute);
        var seen = new HashSet<object?>(PyValueComparer.Instance);
        foreach (var item in Ops.Iterate(value))
        {
            var k = key(item);
            PyOps.CheckHashable(k);
            if (seen.Add(k))
            {
                yield return item;
            }
        }
    }

    private static object GroupBy(EvalContext ctx, object? value, object? attribute, object? @default = null, bool caseSensitive = false)
    {
        var raw = Getter(ctx, attribute, @default);
        Func<object?, object?> expr = caseSensitive ? raw : x => SortKey(raw(x), false);
        var items = Ops.Iterate(value).ToList();
        if (items.Count > 1 && items.Select(expr).OfType<Undefined>().FirstOrDefault() is { } missing)
        {
            // Python's sort compares every key at least once, and an Undefined key fails on comparison.
            throw missing.Fail();
        }
        var sorted = PyMethods.Sort(items, expr);
        var result = new List<object?>();
        object? currentKey = null;
        List<object?>? current = null;
        foreach (var item in sorted)
        {
            var k = expr(item);
            if (current is null || !Ops.Eq(currentKey, k))
            {
                if (current is not null)
                {
                    result.Add(new GroupTuple(caseSensitive ? currentKey : raw(current[0]), current));
                }
                current = new List<object?>();
                currentKey = k;
            }
            current.Add(item);
        }
        if (current is not null)
        {
            result.Add(new GroupTuple(caseSensitive ? currentKey : raw(current[0]), current));
        }
        return result;
    }

    private static object FileSizeFormat(object? value, bool binary = false)
    {
        if (value is Undefined u)
        {
            throw u.Fail();
        }
        double bytes = PyConvert.ToFloat(ObjectAdapter.Normalize(value));
        double @base = binary ? 1024 : 1000;
        string[] prefixes = binary
            ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
            : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        if (bytes == 1)
        {
            return "1 Byte";
        }
        if (bytes < @base)
        {
            return $"{Ops.Str(PyConvert.ToInt(bytes))} Bytes";
        }
        double unit = 0;
        string prefix = "";
        for (int i = 0; i < prefixes.Length; i++)
        {
            unit = Math.Pow(@base, i + 2);
            prefix = prefixes[i];
            if (bytes < unit)
            {
                break;
            }
        }
        return $"{PyFloat.FormatFixed(@base * bytes / unit, 1)} {prefix}";
    }

    private const string WrapWs = @"[\t\n\x0b\x0c\r ]";
    private const string WrapNws = @"[^\t\n\x0b\x0c\r ]";
    private const string WrapWp = @"[\w!""'&.,?]";
    private const string WrapLt = @"[^\d\W]";

    [GeneratedRegex("(" + WrapWs + "+|(?<=" + WrapWp + @")-{2,}(?=\w)|" + WrapNws + "+?(?:-(?:(?<=" + WrapLt + "{2}-)|(?<=" + WrapLt + "-" + WrapLt + "-))(?=" + WrapLt + "-?" + WrapLt + ")|(?=" + WrapWs + @"|\z)|(?<=" + WrapWp + @")(?=-{2,}\w)))")]
    private static partial Regex WordSepRe();

    [GeneratedRegex("(" + WrapWs + "+)")]
    private static partial Regex WordSepSimpleRe();

    private static object WordWrap(EvalContext ctx, object? s, long width = 79, bool breakLongWords = true, object? wrapstring = null, bool breakOnHyphens = true)
    {
        string sep = wrapstring is null ? ctx.Environment.NewlineSequence : Ops.Str(wrapstring);
        return string.Join(sep, PyStr.SplitLines(Ops.Str(s)).Select(line => string.Join(sep, TextWrap(line, width, breakLongWords, breakOnHyphens))));
    }

    /// <summary>Python's <c>textwrap.wrap</c> with expand_tabs and replace_whitespace off.</summary>
    private static List<string> TextWrap(string text, long width, bool breakLongWords, bool breakOnHyphens)
    {
        var chunks = (breakOnHyphens ? WordSepRe() : WordSepSimpleRe()).Split(text).Where(c => c.Length > 0).Reverse().ToList();
        var lines = new List<string>();
        if (width <= 0)
        {
            throw PythonError.ValueError($"invalid width {width} (must be > 0)");
        }
        static bool Blank(string c) => PyStr.Strip(c, null).Length == 0;
        while (chunks.Count > 0)
        {
            var cur = new List<string>();
            long curLen = 0;
            if (Blank(chunks[^1]) && lines.Count > 0)
            {
                chunks.RemoveAt(chunks.Count - 1);
            }
            while (chunks.Count > 0)
            {
                int l = CpLen(chunks[^1]);
                if (curLen + l <= width)
                {
                    cur.Add(chunks[^1]);
                    chunks.RemoveAt(chunks.Count - 1);
                    curLen += l;
                }
                else
                {
                    break;
                }
            }
            if (chunks.Count > 0 && CpLen(chunks[^1]) > width)
            {
                long spaceLeft = width < 1 ? 1 : width - curLen;
                if (breakLongWords)
                {
                    string chunk = chunks[^1];
                    int end = CpIndex(chunk, spaceLeft);
                    if (breakOnHyphens && CpLen(chunk) > spaceLeft)
                    {
                        int hyphen = chunk.LastIndexOf('-', Math.Max(0, end - 1));
                        if (spaceLeft > 0 && hyphen > 0 && chunk[..hyphen].Any(c => c != '-'))
                        {
                            end = hyphen + 1;
                        }
                    }
                    cur.Add(chunk[..end]);
                    chunks[^1] = chunk[end..];
                }
                else if (cur.Count == 0)
                {
                    cur.Add(chunks[^1]);
                    chunks.RemoveAt(chunks.Count - 1);
                }
                curLen = cur.Sum(c => (long)CpLen(c));
            }
            if (cur.Count > 0 && Blank(cur[^1]))
            {
                curLen -= CpLen(cur[^1]);
                cur.RemoveAt(cur.Count - 1);
            }
            if (cur.Count > 0)
            {
                lines.Add(string.Concat(cur));
            }
        }
        return lines;
    }

    /// <summary>Length in code points, as Python's <c>len</c> counts a str.</summary>
    private static int CpLen(string s) => s.Length - s.Count(char.IsLowSurrogate);

    /// <summary>The char index of code point <paramref name="cp"/> (clamped to the string's end).</summary>
    private static int CpIndex(string s, long cp)
    {
        int i = 0;
        for (long n = 0; n < cp && i < s.Length; n++)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        }
        return i;
    }

    private static string UrlQuote(object? value, bool forQs)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Ops.Str(value));
        var sb = new System.Text.StringBuilder();
        foreach (byte b in bytes)
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~' || (!forQs && c == '/'))
            {
                sb.Append(c);
            }
            else if (forQs && c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    private static object UrlEncode(object? value)
    {
        value = ObjectAdapter.Normalize(value);
        if (value is string or Markup || value is not System.Collections.IEnumerable)
        {
            return UrlQuote(value, false);
        }
        IEnumerable<object?> items = value is PyDict || ObjectAdapter.IsMapping(value) ? (List<object?>)Items(value) : Ops.Iterate(value);
        return string.Join("&", items.Select(item =>
        {
            var pair = Ops.Iterate(item).ToList();
            if (pair.Count != 2)
            {
                throw PythonError.ValueError($"{(pair.Count > 2 ? "too many values to unpack (expected 2)" : $"not enough values to unpack (expected 2, got {pair.Count})")}");
            }
            return $"{UrlQuote(pair[0], true)}={UrlQuote(pair[1], true)}";
        }));
    }

    private static object Slice(object? value, long slices, object? fillWith = null) =>
        Generator(() => SliceItems(value, slices, fillWith));

    private static List<object?> SliceItems(object? value, long slices, object? fillWith)
    {
        var seq = Ops.Iterate(value).ToList();
        long length = seq.Count;
        if (slices == 0)
        {
            throw PythonError.ZeroDivision("integer division or modulo by zero");
        }
        long perSlice = (long)Math.Floor((double)length / slices);
        long withExtra = length - (perSlice * slices);
        long offset = 0;
        var result = new List<object?>();
        for (long n = 0; n < slices; n++)
        {
            long start = offset + (n * perSlice);
            if (n < withExtra)
            {
                offset++;
            }
            long end = offset + ((n + 1) * perSlice);
            var tmp = new List<object?>();
            for (long i = Math.Max(0, start); i < Math.Min(length, end); i++)
            {
                tmp.Add(seq[(int)i]);
            }
            if (fillWith is not null && n >= withExtra)
            {
                tmp.Add(fillWith);
            }
            result.Add(tmp);
        }
        return result;
    }

    /// <summary>Python's <c>random.choice(seq)</c>: needs len() and seq[i]; empty gives an undefined.</summary>
    private static object? RandomItem(EvalContext ctx, object? seq)
    {
        long n = Ops.Length(seq);
        if (n == 0)
        {
            return ctx.Undefined("No random item, sequence was empty.");
        }
        var random = ctx.Environment.Random;
        long index;
        if (ReferenceEquals(random, Random.Shared))
        {
            index = random.NextInt64(n);
        }
        else
        {
            lock (random)
            {
                index = random.NextInt64(n);
            }
        }
        if (ObjectAdapter.IsMapping(seq))
        {
            // dict[i]: the key i, as Python's random.choice does on a dict.
            return Ops.TryGetItem(seq, index, out var value) ? value : throw PythonError.KeyError(Ops.Repr(index));
        }
        return seq is string or Markup or PyTuple or List<object?> ? PySequence.GetItem(seq, index) : Ops.ToList(seq)[(int)index];
    }
}
