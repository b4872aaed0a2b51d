using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's printf-style <c>format % args</c>: conversions <c>s r a d i u f F e E g G x X o c %</c>,
/// flags <c>-+ #0</c>, width and precision (also <c>*</c>), <c>%(name)s</c> keys, Python's tuple versus
/// single-argument rules and error messages; a <see cref="Markup"/> format escapes its arguments
/// as MarkupSafe does.
/// </summary>
public static class PercentFormat
{
    /// <summary><c>format % args</c> for a plain string.</summary>
    public static string Format(string format, object? args) => FormatCore(format, args, escape: false);

    /// <summary><c>Markup % args</c>: arguments are escaped (Markup arguments are kept), the result is Markup.</summary>
    public static Markup Format(Markup format, object? args) => new(FormatCore(format.Value, args, escape: true));

    /// <summary>Dispatches <c>a % b</c> where <paramref name="format"/> is a string or Markup.</summary>
    public static object Apply(object format, object? args) => format switch
    {
        Markup m => Format(m, args),
        string s => Format(s, args),
        _ => throw new ArgumentException("format must be str or Markup", nameof(format)),
    };

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private static string FormatCore(string fmt, object? args, bool escape)
    {
        // Mirrors CPython's formatter state: a tuple is consumed item by item, any other argument once.
        PyTuple? tuple = args as PyTuple;
        object? current = args;
        int argLen = tuple?.Count ?? -1;
        int argIdx = tuple is null ? -2 : 0;
        bool isMapping = args is not PyTuple && args is not string && args is not Markup
            && (PyMapping.IsMapping(args) || PyOps.IsList(args));
        // One builder per thread, reused (a nested format while this one runs gets a new one).
        var sb = t_builder ?? new StringBuilder(fmt.Length + 16);
        t_builder = null;
        sb.Clear();
        int i = 0;
        int n = fmt.Length;

        object? NextArg()
        {
            if (argIdx < argLen)
            {
                argIdx++;
                return argLen < 0 ? current : tuple![argIdx - 1];
            }
            throw PythonError.TypeError("not enough arguments for format string");
        }

        while (i < n)
        {
            int pct = fmt.IndexOf('%', i);
            if (pct < 0)
            {
                sb.Append(fmt, i, n - i);
                break;
            }
            sb.Append(fmt, i, pct - i);
            i = pct + 1;
            if (i >= n)
            {
                throw PythonError.ValueError("incomplete format");
            }
            if (fmt[i] == '(')
            {
                if (!isMapping)
                {
                    throw PythonError.TypeError("format requires a mapping");
                }
                int depth = 1;
                int start = ++i;
                while (i < n && depth > 0)
                {
                    if (fmt[i] == '(')
                    {
                        depth++;
                    }
                    else if (fmt[i] == ')')
                    {
                        depth--;
                    }
                    i++;
                }
                if (depth > 0)
                {
                    throw PythonError.ValueError("incomplete format key");
                }
                string key = fmt[start..(i - 1)];
                current = LookupKey(args, key);
                tuple = null;
                argLen = -1;
                argIdx = -2;
            }
            bool left = false, plus = false, space = false, alt = false, zero = false;
            for (; i < n; i++)
            {
                char f = fmt[i];
                if (f == '-')
                {
                    left = true;
                }
                else if (f == '+')
                {
                    plus = true;
                }
                else if (f == ' ')
                {
                    space = true;
                }
                else if (f == '#')
                {
                    alt = true;
                }
                else if (f == '0')
                {
                    zero = true;
                }
                else
                {
                    break;
                }
            }
            int width = -1;
            if (i < n && fmt[i] == '*')
            {
                width = StarValue(NextArg(), ref left);
                i++;
            }
            else
            {
                width = ReadNumber(fmt, ref i, "width");
            }
            int precision = -1;
            if (i < n && fmt[i] == '.')
            {
                i++;
                if (i < n && fmt[i] == '*')
                {
                    bool ignored = false;
                    precision = Math.Max(0, StarValue(NextArg(), ref ignored));
                    i++;
                }
                else
                {
                    precision = Math.Max(0, ReadNumber(fmt, ref i, "precision"));
                }
            }
            while (i < n && fmt[i] is 'h' or 'l' or 'L')
            {
                i++;
            }
            if (i >= n)
            {
                throw PythonError.ValueError("incomplete format");
            }
            int conv = PyString.CodePointAt(fmt, i, out int convUnits);
            int convIndex = i;
            i += convUnits;
            if (conv == '%' && convIndex == pct + 1)
            {
                sb.Append('%');
                continue;
            }
            object? arg = NextArg();
            string body;
            string prefix = "";
            bool numeric = false;
            switch (conv)
            {
                case 's':
                    body = escape ? EscapeStr(arg) : PyRepr.Str(arg);
                    body = Truncate(body, precision);
                    break;
                case 'r':
                    body = escape ? Markup.EscapeText(PyRepr.Repr(arg)) : PyRepr.Repr(arg);
                    body = Truncate(body, precision);
                    break;
                case 'a':
                    body = escape ? AsciiOf(Markup.EscapeText(PyRepr.Repr(arg))) : PyRepr.Ascii(arg);
                    body = Truncate(body, precision);
                    break;
                case 'c':
                    body = CharOf(arg, escape);
                    break;
                case 'd':
                case 'i':
                case 'u':
                case 'x':
                case 'X':
                case 'o':
                    {
                        numeric = true;
                        BigInteger v = IntArg(arg, (char)conv, escape);
                        int radix = conv is 'x' or 'X' ? 16 : conv == 'o' ? 8 : 10;
                        body = PyFormatting.IntDigits(BigInteger.Abs(v), radix, conv == 'X');
                        if (precision > body.Length)
                        {
                            body = new string('0', precision - body.Length) + body;
                        }
                        prefix = v.Sign < 0 ? "-" : plus ? "+" : space ? " " : "";
                        if (alt && radix != 10)
                        {
                            prefix += conv switch { 'x' => "0x", 'X' => "0X", _ => "0o" };
                        }
                        break;
                    }
                case 'e':
                case 'E':
                case 'f':
                case 'F':
                case 'g':
                case 'G':
                    {
                        numeric = true;
                        double v = FloatArg(arg, escape);
                        body = PyFormatting.FloatBody(Math.Abs(v), (char)conv, precision < 0 ? 6 : precision, alt);
                        prefix = double.IsNegative(v) && !double.IsNaN(v) ? "-" : plus ? "+" : space ? " " : "";
                        break;
                    }
                default:
                    {
                        // Also '%' after flags, width or precision: only a bare "%%" is a literal percent.
                        char shown = conv >= 31 && conv <= 126 ? (char)conv : '?';
                        throw PythonError.ValueError(
                            $"unsupported format character '{shown}' (0x{conv.ToString("x", CultureInfo.InvariantCulture)}) at index {PyString.ToCodePointIndex(fmt, convIndex)}");
                    }
            }
            int len = PyString.Length(body) + prefix.Length;
            if (width > len)
            {
                if (left)
                {
                    sb.Append(prefix).Append(body).Append(' ', width - len);
                }
                else if (zero && numeric)
                {
                    sb.Append(prefix).Append('0', width - len).Append(body);
                }
                else
                {
                    sb.Append(' ', width - len).Append(prefix).Append(body);
                }
            }
            else
            {
                sb.Append(prefix).Append(body);
            }
        }
        if (argIdx < argLen && !isMapping)
        {
            throw PythonError.TypeError("not all arguments converted during string formatting");
        }
        string result = sb.ToString();
        if (sb.Capacity <= 1024)
        {
            t_builder = sb;
        }
        return result;
    }

    private static object? LookupKey(object? args, string key)
    {
        if (PyMapping.TryWrap(args, out var map))
        {
            if (map.TryGetValue(key, out var value))
            {
                return value;
            }
            throw PythonError.KeyError(PyRepr.ReprString(key));
        }
        throw PythonError.TypeError($"{PyOps.TypeName(args)} indices must be integers or slices, not str");
    }

    private static int ReadNumber(string fmt, ref int i, string what)
    {
        int start = i;
        long v = 0;
        while (i < fmt.Length && fmt[i] >= '0' && fmt[i] <= '9')
        {
            v = v * 10 + (fmt[i] - '0');
            if (v > int.MaxValue)
            {
                throw PythonError.ValueError(what == "width" ? "width too big" : "precision too big");
            }
            i++;
        }
        return i == start ? -1 : (int)v;
    }

    private static int StarValue(object? arg, ref bool left)
    {
        if (!PyNumber.IsInt(arg))
        {
            throw PythonError.TypeError("* wants int");
        }
        var v = PyNumber.ToBig(arg!);
        if (BigInteger.Abs(v) > int.MaxValue)
        {
            throw PythonError.Overflow("Python int too large to convert to C ssize_t");
        }
        int w = (int)v;
        if (w < 0)
        {
            left = true;
            w = -w;
        }
        return w;
    }

    private static string Truncate(string s, int precision)
    {
        if (precision < 0 || precision >= s.Length)
        {
            return s;
        }
        return s[..PyString.ToUnitIndex(s, precision)];
    }

    private static string EscapeStr(object? arg) => arg is Markup m ? m.Value : Markup.EscapeText(PyRepr.Str(arg));

    private static string AsciiOf(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in PyRepr.Ascii(s).AsSpan(1, PyRepr.Ascii(s).Length - 2))
        {
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string CharOf(object? arg, bool escape)
    {
        if (!escape)
        {
            if (PyNumber.IsInt(arg))
            {
                var v = PyNumber.ToBig(arg!);
                if (v.Sign < 0 || v > 0x10FFFF)
                {
                    throw PythonError.Overflow("%c arg not in range(0x110000)");
                }
                var sb = new StringBuilder(2);
                PyUnicode.AppendCodePoint(sb, (int)v);
                return sb.ToString();
            }
            string? s = arg switch { string t => t, Markup m => m.Value, _ => null };
            if (s is not null && PyString.Length(s) == 1)
            {
                return s;
            }
        }
        throw PythonError.TypeError("%c requires int or char");
    }

    private static BigInteger IntArg(object? arg, char conv, bool escape)
    {
        // Under Markup every argument is wrapped in MarkupSafe's _MarkupEscapeHelper, which has
        // __int__ (so %d converts through int()) but no __index__ (so %x/%o always refuse it).
        string typeName = escape ? "_MarkupEscapeHelper" : PyOps.TypeName(arg);
        if (conv is 'd' or 'i' or 'u')
        {
            if (PyNumber.IsInt(arg))
            {
                return PyNumber.ToBig(arg!);
            }
            if (PyNumber.IsFloat(arg))
            {
                return PyFormatting.Truncate(PyNumber.ToDouble(arg!));
            }
            if (escape && arg is string or Markup)
            {
                return PyFormatting.ParseInt(arg.ToString()!);
            }
            throw PythonError.TypeError($"%{conv} format: a real number is required, not {typeName}");
        }
        if (!escape && PyNumber.IsInt(arg))
        {
            return PyNumber.ToBig(arg!);
        }
        throw PythonError.TypeError($"%{conv} format: an integer is required, not {typeName}");
    }

    private static double FloatArg(object? arg, bool escape)
    {
        if (PyNumber.IsNumber(arg))
        {
            return PyNumber.ToDouble(arg!);
        }
        if (escape && arg is string or Markup)
        {
            return PyFormatting.ParseFloat(arg.ToString()!);
        }
        if (escape)
        {
            throw PythonError.TypeError($"float() argument must be a string or a real number, not '{PyOps.TypeName(arg)}'");
        }
        throw PythonError.TypeError($"must be real number, not {PyOps.TypeName(arg)}");
    }
}
