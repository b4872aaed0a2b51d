using System.Globalization;
using System.Text;

namespace Flagon.Jinja.Runtime;

/// <summary>The <c>%</c> operator on strings: a small printf used until the Python layer provides the full one.</summary>
internal static class PercentFormatShim
{
    public static object Format(object? format, object? args)
    {
        string fmt = Ops.Str(format);
        var positional = args is PyTuple t ? t.ToList() : new List<object?> { args };
        int next = 0;
        var sb = new StringBuilder();
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= fmt.Length)
            {
                throw PythonError.ValueError("incomplete format");
            }
            object? value;
            if (fmt[i] == '(')
            {
                int close = fmt.IndexOf(')', i);
                string key = fmt[(i + 1)..close];
                i = close + 1;
                value = Ops.TryGetItem(args, key, out var v) ? v : throw PythonError.KeyError(Ops.Repr(key));
            }
            else if (fmt[i] == '%')
            {
                sb.Append('%');
                continue;
            }
            else
            {
                value = next < positional.Count ? positional[next++] : throw PythonError.TypeError("not enough arguments for format string");
            }
            int specStart = i;
            while (i < fmt.Length && "0123456789.-+ #".Contains(fmt[i]))
            {
                i++;
            }
            string spec = fmt[specStart..i];
            char conv = fmt[i];
            string text = conv switch
            {
                's' => Ops.Str(value),
                'r' => Ops.Repr(value),
                'd' or 'i' => Ops.Str(value is double d ? (long)Math.Truncate(d) : value),
                'f' or 'F' => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("F" + (spec.Contains('.') ? spec[(spec.IndexOf('.') + 1)..] : "6"), CultureInfo.InvariantCulture),
                _ => throw PythonError.ValueError($"unsupported format character '{conv}'"),
            };
            string width = spec.Contains('.') ? spec[..spec.IndexOf('.')] : spec;
            if (int.TryParse(width.TrimStart('-', '0'), out int w) && text.Length < w)
            {
                text = width.StartsWith('-') ? text.PadRight(w) : width.StartsWith('0') ? text.PadLeft(w, '0') : text.PadLeft(w);
            }
            sb.Append(text);
        }
        if (next < positional.Count && args is PyTuple)
        {
            throw PythonError.TypeError("not all arguments converted during string formatting");
        }
        return format is Markup ? new Markup(sb.ToString()) : sb.ToString();
    }
}
