using System.Collections;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python 3.11's <c>pprint.pformat(value)</c> (width 80, indent 1, sorted dict keys), which Jinja's
/// <c>|pprint</c> filter prints: containers that do not fit are broken one item per line, long
/// strings are split into adjacent literals.
/// </summary>
public static class PyPrettyPrint
{
    private const int Width = 80;

    /// <summary>Python's <c>pprint.pformat(value)</c>.</summary>
    public static string PFormat(object? value)
    {
        var sb = new StringBuilder();
        Format(sb, value, 0, 0, [], 0);
        return sb.ToString();
    }

    private static bool IsDict(object? v) => v is not PyDictView && PyMapping.IsMapping(v);

    private static bool IsListLike(object? v) => v is PyTuple || PyOps.IsList(v);

    private static void Format(StringBuilder sb, object? value, int indent, int allowance, List<object> context, int level)
    {
        if (value is not null && (IsDict(value) || IsListLike(value)) && context.Any(c => ReferenceEquals(c, value)))
        {
            sb.Append(Recursion(value));
            return;
        }
        string rep = SafeRepr(value, context, level);
        int maxWidth = Width - indent - allowance;
        if (PyString.Length(rep) > maxWidth && value is not null)
        {
            if (level > PyRepr.MaxDepth)
            {
                throw new PythonError("RecursionError", "maximum recursion depth exceeded");
            }
            if (IsDict(value))
            {
                context.Add(value);
                PrintDict(sb, value, indent, allowance, context, level + 1);
                context.RemoveAt(context.Count - 1);
                return;
            }
            if (IsListLike(value))
            {
                context.Add(value);
                PrintSequence(sb, value, indent, allowance, context, level + 1);
                context.RemoveAt(context.Count - 1);
                return;
            }
            if (value is string s)
            {
                PrintString(sb, s, indent, allowance, level + 1);
                return;
            }
        }
        sb.Append(rep);
    }

    private static string Recursion(object value) =>
        $"<Recursion on {PyOps.TypeName(value)} with id={System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value)}>";

    private static List<KeyValuePair<object?, object?>> SortedItems(object dict)
    {
        PyMapping.TryWrap(dict, out var map);
        var pairs = map.Pairs.ToList();
        // pprint's _safe_key: compare with '<', falling back to (type name, identity) for unorderable pairs.
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        StableSort(order, (a, b) => SafeLess(pairs[a].Key, a, pairs[b].Key, b) || (!SafeLess(pairs[b].Key, b, pairs[a].Key, a) && SafeLess(pairs[a].Value, a, pairs[b].Value, b)));
        return order.Select(i => pairs[i]).ToList();
    }

    private static bool SafeLess(object? x, int xi, object? y, int yi)
    {
        try
        {
            return PyOps.Less(x, y);
        }
        catch (PythonError e) when (e.Kind == "TypeError")
        {
            int c = string.CompareOrdinal("<class '" + PyOps.TypeName(x) + "'>", "<class '" + PyOps.TypeName(y) + "'>");
            return c < 0 || (c == 0 && xi < yi);
        }
    }

    private static void StableSort(int[] a, Func<int, int, bool> less) => Sort(a, new int[a.Length], 0, a.Length, less);

    private static void Sort(int[] a, int[] tmp, int lo, int hi, Func<int, int, bool> less)
    {
        if (hi - lo < 2)
        {
            return;
        }
        int mid = (lo + hi) / 2;
        Sort(a, tmp, lo, mid, less);
        Sort(a, tmp, mid, hi, less);
        int l = lo, r = mid, k = lo;
        while (l < mid && r < hi)
        {
            tmp[k++] = less(a[r], a[l]) ? a[r++] : a[l++];
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

    private static string SafeRepr(object? value, List<object> context, int level)
    {
        if (value is null || value is string || value is bool || PyNumber.IsNumber(value) || (!IsDict(value) && !IsListLike(value)))
        {
            return PyRepr.Repr(value);
        }
        if (context.Any(c => ReferenceEquals(c, value)))
        {
            return Recursion(value);
        }
        if (level > PyRepr.MaxDepth)
        {
            throw new PythonError("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        }
        context.Add(value);
        try
        {
            var sb = new StringBuilder();
            if (IsDict(value))
            {
                var items = SortedItems(value);
                if (items.Count == 0)
                {
                    return "{}";
                }
                sb.Append('{');
                for (int i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }
                    sb.Append(SafeRepr(items[i].Key, context, level + 1)).Append(": ").Append(SafeRepr(items[i].Value, context, level + 1));
                }
                return sb.Append('}').ToString();
            }
            var list = ((IEnumerable)value).Cast<object?>().ToList();
            bool tuple = value is PyTuple;
            if (list.Count == 0)
            {
                return tuple ? "()" : "[]";
            }
            sb.Append(tuple ? '(' : '[');
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }
                sb.Append(SafeRepr(list[i], context, level + 1));
            }
            if (tuple && list.Count == 1)
            {
                sb.Append(',');
            }
            return sb.Append(tuple ? ')' : ']').ToString();
        }
        finally
        {
            context.RemoveAt(context.Count - 1);
        }
    }

    private static void PrintDict(StringBuilder sb, object dict, int indent, int allowance, List<object> context, int level)
    {
        sb.Append('{');
        var items = SortedItems(dict);
        if (items.Count > 0)
        {
            indent += 1;
            allowance += 1;
            string delimnl = ",\n" + new string(' ', indent);
            for (int i = 0; i < items.Count; i++)
            {
                bool last = i == items.Count - 1;
                string rep = SafeRepr(items[i].Key, context, level);
                sb.Append(rep).Append(": ");
                Format(sb, items[i].Value, indent + PyString.Length(rep) + 2, last ? allowance : 1, context, level);
                if (!last)
                {
                    sb.Append(delimnl);
                }
            }
        }
        sb.Append('}');
    }

    private static void PrintSequence(StringBuilder sb, object seq, int indent, int allowance, List<object> context, int level)
    {
        var items = ((IEnumerable)seq).Cast<object?>().ToList();
        bool tuple = seq is PyTuple;
        string end = tuple ? (items.Count == 1 ? ",)" : ")") : "]";
        sb.Append(tuple ? '(' : '[');
        allowance += end.Length;
        indent += 1;
        string delimnl = ",\n" + new string(' ', indent);
        for (int i = 0; i < items.Count; i++)
        {
            bool last = i == items.Count - 1;
            if (i > 0)
            {
                sb.Append(delimnl);
            }
            Format(sb, items[i], indent, last ? allowance : 1, context, level);
        }
        sb.Append(end);
    }

    private static void PrintString(StringBuilder sb, string s, int indent, int allowance, int level)
    {
        if (s.Length == 0)
        {
            sb.Append(PyRepr.ReprString(s));
            return;
        }
        var chunks = new List<string>();
        var lines = PyStr.SplitLines(s, keepEnds: true);
        if (level == 1)
        {
            indent += 1;
            allowance += 1;
        }
        int maxWidth1 = Width - indent, maxWidth = Width - indent;
        string rep = "";
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            rep = PyRepr.ReprString(line);
            if (i == lines.Count - 1)
            {
                maxWidth1 -= allowance;
            }
            if (PyString.Length(rep) <= maxWidth1)
            {
                chunks.Add(rep);
                continue;
            }
            var parts = WordParts(line);
            int maxWidth2 = maxWidth;
            string current = "";
            for (int j = 0; j < parts.Count; j++)
            {
                string candidate = current + parts[j];
                if (j == parts.Count - 1 && i == lines.Count - 1)
                {
                    maxWidth2 -= allowance;
                }
                if (PyString.Length(PyRepr.ReprString(candidate)) > maxWidth2)
                {
                    if (current.Length > 0)
                    {
                        chunks.Add(PyRepr.ReprString(current));
                    }
                    current = parts[j];
                }
                else
                {
                    current = candidate;
                }
            }
            if (current.Length > 0)
            {
                chunks.Add(PyRepr.ReprString(current));
            }
        }
        if (chunks.Count == 1)
        {
            sb.Append(rep);
            return;
        }
        if (level == 1)
        {
            sb.Append('(');
        }
        for (int i = 0; i < chunks.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n').Append(' ', indent);
            }
            sb.Append(chunks[i]);
        }
        if (level == 1)
        {
            sb.Append(')');
        }
    }

    // re.findall(r'\S*\s*', line) without its final empty match.
    private static List<string> WordParts(string line)
    {
        var parts = new List<string>();
        var cps = PyString.CodePoints(line);
        int i = 0;
        while (i < cps.Length)
        {
            int start = i;
            while (i < cps.Length && !PyUnicode.IsSpace(cps[i]))
            {
                i++;
            }
            while (i < cps.Length && PyUnicode.IsSpace(cps[i]))
            {
                i++;
            }
            parts.Add(PyString.FromCodePoints(cps.AsSpan(start, i - start)));
        }
        return parts;
    }
}
