using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// A <c>%</c> format string parsed once into its conversion specifiers, then applied to arguments
/// any number of times with Python's semantics (see <see cref="PercentFormat"/>). A format that is
/// malformed still parses: the error is kept at the specifier where CPython meets it and raised when
/// formatting reaches that point, so arguments consumed before it give the same errors as before.
/// </summary>
internal sealed class PercentFormatter
{
    private const int CacheLimit = 256;
    private static readonly ConcurrentDictionary<string, PercentFormatter> Cache = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private readonly Spec[] _specs;
    private readonly string _tail;
    private readonly int _literalLength;

    private PercentFormatter(Spec[] specs, string tail)
    {
        _specs = specs;
        _tail = tail;
        _literalLength = tail.Length + specs.Sum(s => s.Before.Length);
    }

    /// <summary>Where parsing a specifier stopped with an error (raised when formatting reaches it).</summary>
    private enum Stage : byte
    {
        None,
        IncompleteAtPercent,
        IncompleteKey,
        WidthTooBig,
        PrecisionTooBig,
        Incomplete,
    }

    /// <summary>One <c>%</c> specifier and the literal text before it.</summary>
    private sealed class Spec
    {
        public string Before = "";
        public Stage Error;
        public bool HasKey;
        public string? Key;
        public bool Left;
        public bool Plus;
        public bool Space;
        public bool Alt;
        public bool Zero;
        public bool WidthStar;
        public int Width = -1;
        public bool HasPrecision;
        public bool PrecisionStar;
        public int Precision = -1;
        public bool PercentLiteral;
        public int Conv;
        public string? Unsupported;
    }

    /// <summary>The parsed form of <paramref name="format"/>, shared through a small cache for dynamic formats.</summary>
    public static PercentFormatter For(string format)
    {
        if (Cache.TryGetValue(format, out var cached))
        {
            return cached;
        }
        var parsed = Parse(format);
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(format, parsed);
        }
        return parsed;
    }

    /// <summary>Parses <paramref name="fmt"/>; never throws (errors are kept for <see cref="Format"/>).</summary>
    public static PercentFormatter Parse(string fmt)
    {
        var specs = new List<Spec>();
        int i = 0;
        int n = fmt.Length;
        while (i < n)
        {
            int pct = fmt.IndexOf('%', i);
            if (pct < 0)
            {
                break;
            }
            var spec = new Spec { Before = fmt[i..pct] };
            specs.Add(spec);
            i = pct + 1;
            if (ParseSpec(fmt, ref i, pct, spec))
            {
                return new PercentFormatter([.. specs], "");
            }
        }
        return new PercentFormatter([.. specs], i < n ? fmt[i..] : "");
    }

    /// <summary>Parses the specifier after the '%' at <paramref name="pct"/>; true when it ends in an error.</summary>
    private static bool ParseSpec(string fmt, ref int i, int pct, Spec spec)
    {
        int n = fmt.Length;
        if (i >= n)
        {
            spec.Error = Stage.IncompleteAtPercent;
            return true;
        }
        if (fmt[i] == '(')
        {
            spec.HasKey = true;
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
                spec.Error = Stage.IncompleteKey;
                return true;
            }
            spec.Key = fmt[start..(i - 1)];
        }
        for (; i < n; i++)
        {
            char f = fmt[i];
            if (f == '-')
            {
                spec.Left = true;
            }
            else if (f == '+')
            {
                spec.Plus = true;
            }
            else if (f == ' ')
            {
                spec.Space = true;
            }
            else if (f == '#')
            {
                spec.Alt = true;
            }
            else if (f == '0')
            {
                spec.Zero = true;
            }
            else
            {
                break;
            }
        }
        if (i < n && fmt[i] == '*')
        {
            spec.WidthStar = true;
            i++;
        }
        else if (!ReadNumber(fmt, ref i, out spec.Width))
        {
            spec.Error = Stage.WidthTooBig;
            return true;
        }
        if (i < n && fmt[i] == '.')
        {
            spec.HasPrecision = true;
            i++;
            if (i < n && fmt[i] == '*')
            {
                spec.PrecisionStar = true;
                i++;
            }
            else if (!ReadNumber(fmt, ref i, out int precision))
            {
                spec.Error = Stage.PrecisionTooBig;
                return true;
            }
            else
            {
                spec.Precision = Math.Max(0, precision);
            }
        }
        while (i < n && fmt[i] is 'h' or 'l' or 'L')
        {
            i++;
        }
        if (i >= n)
        {
            spec.Error = Stage.Incomplete;
            return true;
        }
        int conv = PyString.CodePointAt(fmt, i, out int convUnits);
        int convIndex = i;
        i += convUnits;
        spec.Conv = conv;
        if (conv == '%' && convIndex == pct + 1)
        {
            spec.PercentLiteral = true;
            return false;
        }
        if (conv is not ('s' or 'r' or 'a' or 'c' or 'd' or 'i' or 'u' or 'x' or 'X' or 'o' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G'))
        {
            // Also '%' after flags, width or precision: only a bare "%%" is a literal percent.
            // Raised after the argument is taken, as CPython does; parsing stops here.
            char shown = conv >= 31 && conv <= 126 ? (char)conv : '?';
            spec.Unsupported = $"unsupported format character '{shown}' (0x{conv.ToString("x", CultureInfo.InvariantCulture)}) at index {PyString.ToCodePointIndex(fmt, convIndex)}";
            return true;
        }
        return false;
    }

    /// <summary>Reads a decimal width or precision (-1 when absent); false when it exceeds an int.</summary>
    private static bool ReadNumber(string fmt, ref int i, out int value)
    {
        int start = i;
        long v = 0;
        while (i < fmt.Length && fmt[i] >= '0' && fmt[i] <= '9')
        {
            v = v * 10 + (fmt[i] - '0');
            if (v > int.MaxValue)
            {
                value = -1;
                return false;
            }
            i++;
        }
        value = i == start ? -1 : (int)v;
        return true;
    }

    /// <summary>
    /// <c>format % args</c>; with <paramref name="escape"/> (a Markup format) the arguments are escaped
    /// as MarkupSafe does and the caller wraps the result.
    /// </summary>
    public string Format(object? args, bool escape)
    {
        var sb = Build(args, escape);
        string result = sb.ToString();
        Release(sb);
        return result;
    }

    /// <summary>
    /// <c>format % args</c> written to <paramref name="writer"/> without the result string, escaped when
    /// <paramref name="escapeOutput"/> (a plain format's result in autoescaped output); errors as <see cref="Format"/>.
    /// </summary>
    public void Write(TextWriter writer, object? args, bool escapeOutput)
    {
        var sb = Build(args, escape: false);
        foreach (var chunk in sb.GetChunks())
        {
            if (escapeOutput)
            {
                Markup.WriteEscaped(writer, chunk.Span);
            }
            else
            {
                writer.Write(chunk.Span);
            }
        }
        Release(sb);
    }

    private static void Release(StringBuilder sb)
    {
        if (sb.Capacity <= 1024)
        {
            t_builder = sb;
        }
    }

    /// <summary>Formats into the thread's builder (taken from it until <see cref="Release"/>).</summary>
    private StringBuilder Build(object? args, bool escape)
    {
        // Mirrors CPython's formatter state: a tuple is consumed item by item, any other argument once.
        PyTuple? tuple = args as PyTuple;
        object? current = args;
        int argLen = tuple?.Count ?? -1;
        int argIdx = tuple is null ? -2 : 0;
        bool isMapping = args is not PyTuple && args is not string && args is not Markup
            && (PyMapping.IsMapping(args) || PyOps.IsList(args));
        // One builder per thread, reused (a nested format while this one runs gets a new one).
        var sb = t_builder ?? new StringBuilder(_literalLength + 16);
        t_builder = null;
        sb.Clear();

        object? NextArg()
        {
            if (argIdx < argLen)
            {
                argIdx++;
                return argLen < 0 ? current : tuple![argIdx - 1];
            }
            throw PythonError.TypeError("not enough arguments for format string");
        }

        foreach (var spec in _specs)
        {
            sb.Append(spec.Before);
            if (spec.Error == Stage.IncompleteAtPercent)
            {
                throw PythonError.ValueError("incomplete format");
            }
            if (spec.HasKey)
            {
                if (!isMapping)
                {
                    throw PythonError.TypeError("format requires a mapping");
                }
                if (spec.Error == Stage.IncompleteKey)
                {
                    throw PythonError.ValueError("incomplete format key");
                }
                current = LookupKey(args, spec.Key!);
                tuple = null;
                argLen = -1;
                argIdx = -2;
            }
            bool left = spec.Left;
            int width = spec.Width;
            if (spec.WidthStar)
            {
                width = StarValue(NextArg(), ref left);
            }
            else if (spec.Error == Stage.WidthTooBig)
            {
                throw PythonError.ValueError("width too big");
            }
            int precision = spec.Precision;
            if (spec.PrecisionStar)
            {
                bool ignored = false;
                precision = Math.Max(0, StarValue(NextArg(), ref ignored));
            }
            else if (spec.Error == Stage.PrecisionTooBig)
            {
                throw PythonError.ValueError("precision too big");
            }
            if (spec.Error == Stage.Incomplete)
            {
                throw PythonError.ValueError("incomplete format");
            }
            if (spec.PercentLiteral)
            {
                sb.Append('%');
                continue;
            }
            object? arg = NextArg();
            if (spec.Unsupported is not null)
            {
                throw PythonError.ValueError(spec.Unsupported);
            }
            AppendConversion(sb, spec, arg, width, left, precision, escape);
        }
        sb.Append(_tail);
        if (argIdx < argLen && !isMapping)
        {
            throw PythonError.TypeError("not all arguments converted during string formatting");
        }
        return sb;
    }

    private static void AppendConversion(StringBuilder sb, Spec spec, object? arg, int width, bool left, int precision, bool escape)
    {
        int conv = spec.Conv;
        Span<char> buffer = stackalloc char[48];
        switch (conv)
        {
            case 'f' or 'F' when arg is double d && double.IsFinite(d) && !(precision == 0 && spec.Alt):
                {
                    // The common "%.2f": digits straight into a stack buffer (exact ties take the slow path).
                    if (PyFloat.TryFormatFixed(Math.Abs(d), precision < 0 ? 6 : precision, buffer, out int written))
                    {
                        var prefix = Sign(double.IsNegative(d), spec);
                        AppendPadded(sb, prefix, buffer[..written], written, width, left, spec.Zero);
                        return;
                    }
                    break;
                }
            case 'd' or 'i' or 'u' when arg is long l:
                {
                    ulong abs = l < 0 ? (ulong)(-(l + 1)) + 1 : (ulong)l;
                    abs.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
                    if (precision <= written)
                    {
                        AppendPadded(sb, Sign(l < 0, spec), buffer[..written], written, width, left, spec.Zero);
                        return;
                    }
                    break;
                }
        }
        string body;
        string prefixText = "";
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
                    prefixText = v.Sign < 0 ? "-" : spec.Plus ? "+" : spec.Space ? " " : "";
                    if (spec.Alt && radix != 10)
                    {
                        prefixText += conv switch { 'x' => "0x", 'X' => "0X", _ => "0o" };
                    }
                    break;
                }
            default:
                {
                    // e E f F g G (anything else was refused while parsing).
                    numeric = true;
                    double v = FloatArg(arg, escape);
                    body = PyFormatting.FloatBody(Math.Abs(v), (char)conv, precision < 0 ? 6 : precision, spec.Alt);
                    prefixText = double.IsNegative(v) && !double.IsNaN(v) ? "-" : spec.Plus ? "+" : spec.Space ? " " : "";
                    break;
                }
        }
        AppendPadded(sb, prefixText, body, PyString.Length(body), width, left, spec.Zero && numeric);
    }

    private static string Sign(bool negative, Spec spec) => negative ? "-" : spec.Plus ? "+" : spec.Space ? " " : "";

    /// <summary>Appends prefix + body padded to <paramref name="width"/> (code points) as CPython does.</summary>
    private static void AppendPadded(StringBuilder sb, string prefix, ReadOnlySpan<char> body, int bodyLength, int width, bool left, bool zero)
    {
        int len = bodyLength + prefix.Length;
        if (width > len)
        {
            if (left)
            {
                sb.Append(prefix).Append(body).Append(' ', width - len);
            }
            else if (zero)
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
