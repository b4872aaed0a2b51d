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
    }

    [GeneratedRegex(@"[ \t\n\r\f\v/>=]")]
    private static partial Regex AttrKeyRe();

    private static object XmlAttr(EvalContext ctx, object? d, bool autospace = true)
    {
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

    private static object Unique(EvalContext ctx, object? value, bool caseSensitive = false, object? attribute = null)
    {
        var key = KeyFunc(ctx, caseSensitive, attribute);
        var seen = new HashSet<object?>(PyValueComparer.Instance);
        var result = new List<object?>();
        foreach (var item in Ops.Iterate(value))
        {
            var k = key(item);
            PyOps.CheckHashable(k);
            if (seen.Add(k))
            {
                result.Add(item);
            }
        }
        return result;
    }
}
