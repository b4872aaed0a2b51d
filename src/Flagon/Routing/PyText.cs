using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Flagon.Routing;

/// <summary>Python's <c>str()</c> and <c>repr()</c> for the values routing turns into text.</summary>
internal static class PyText
{
    /// <summary>Python's <c>str(value)</c> for the .NET values Flagon uses.</summary>
    public static string Str(object? value) => value switch
    {
        null => "None",
        string s => s,
        bool b => b ? "True" : "False",
        double d => FloatRepr(d),
        float f => FloatRepr(f),
        Guid g => g.ToString("D"),
        char c => c.ToString(),
        BigInteger bi => bi.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, in Python's layout.</summary>
    public static string FloatRepr(double value) => Flagon.Jinja.Python.PyFloat.Repr(value);

    /// <summary>Python's <c>repr(str)</c>: single quotes unless the text holds one and no double quote.</summary>
    public static string Repr(string value)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(value.Length + 2);
        sb.Append(quote);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == quote || c == '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (c < 0x20 || c == 0x7f)
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c >= 0x80 && c <= 0xa0)
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }

    /// <summary>Python's <c>repr(sorted(strings))</c>, e.g. <c>['a', 'b']</c>.</summary>
    public static string SortedListRepr(IEnumerable<string> items)
    {
        var list = items.ToList();
        list.Sort(string.CompareOrdinal);
        return "[" + string.Join(", ", list.Select(Repr)) + "]";
    }

    /// <summary>True when <paramref name="value"/> is a sequence that Werkzeug repeats as a multi-value (list, tuple, set).</summary>
    public static bool IsMultiValue(object? value) => value is IEnumerable && value is not string && value is not IDictionary;
}
