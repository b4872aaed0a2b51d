using System.Numerics;
using System.Text;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's format-spec mini-language (<c>format(value, spec)</c>, the part after <c>:</c> in
/// <c>str.format</c>): fill, align <c>&lt; &gt; ^ =</c>, sign, <c>z</c>, <c>#</c>, <c>0</c>, width,
/// grouping <c>,</c>/<c>_</c>, precision and types <c>s b c d o x X n e E f F g G %</c> for str, int and float.
/// </summary>
public static class FormatSpec
{
    /// <summary>Python's builtin <c>format(value, spec)</c> for value-model types.</summary>
    public static string Format(object? value, string spec)
    {
        switch (value)
        {
            case string s:
                return FormatString(s, spec, "str");
            case Markup m:
                return FormatString(m.Value, spec, "Markup");
            case bool b when spec.Length == 0:
                return b ? "True" : "False";
        }
        if (PyNumber.IsInt(value))
        {
            return FormatInt(PyNumber.ToBig(value!), spec, value is bool ? "bool" : "int");
        }
        if (PyNumber.IsFloat(value))
        {
            return FormatFloat(PyNumber.ToDouble(value!), spec);
        }
        if (spec.Length == 0)
        {
            return PyRepr.Str(value);
        }
        throw PythonError.TypeError($"unsupported format string passed to {PyOps.TypeName(value)}.__format__");
    }

    private struct Spec
    {
        public string Fill;
        public char Align;
        public char Sign;
        public bool NoNegZero;
        public bool Alternate;
        public int Width;
        public char Grouping;
        public int Precision;
        public char Type;
    }

    private static Spec Parse(string spec, char defaultAlign, string typeName, char defaultType)
    {
        var r = new Spec { Fill = " ", Align = '\0', Sign = '\0', Width = -1, Precision = -1, Type = defaultType };
        int i = 0;
        int n = spec.Length;
        bool fillSpecified = false;
        if (n > 0)
        {
            int cp = PyString.CodePointAt(spec, 0, out int units);
            if (units < n && spec[units] is '<' or '>' or '=' or '^')
            {
                r.Fill = spec[..units];
                r.Align = spec[units];
                fillSpecified = true;
                i = units + 1;
            }
            else if (cp is '<' or '>' or '=' or '^')
            {
                r.Align = (char)cp;
                i = 1;
            }
        }
        if (i < n && spec[i] is '+' or '-' or ' ')
        {
            r.Sign = spec[i++];
        }
        if (i < n && spec[i] == 'z')
        {
            r.NoNegZero = true;
            i++;
        }
        if (i < n && spec[i] == '#')
        {
            r.Alternate = true;
            i++;
        }
        if (i < n && spec[i] == '0' && !fillSpecified)
        {
            r.Fill = "0";
            if (r.Align == '\0' && defaultAlign == '>')
            {
                r.Align = '=';
            }
            i++;
        }
        r.Width = ReadInt(spec, ref i, "Too many decimal digits in format string");
        if (i < n && spec[i] == ',')
        {
            r.Grouping = ',';
            i++;
        }
        if (i < n && spec[i] == '_')
        {
            if (r.Grouping != '\0')
            {
                throw PythonError.ValueError("Cannot specify both ',' and '_'.");
            }
            r.Grouping = '_';
            i++;
        }
        if (i < n && spec[i] == ',')
        {
            throw PythonError.ValueError("Cannot specify both ',' and '_'.");
        }
        if (i < n && spec[i] == '.')
        {
            i++;
            r.Precision = ReadInt(spec, ref i, "Too many decimal digits in format string");
            if (r.Precision < 0)
            {
                throw PythonError.ValueError("Format specifier missing precision");
            }
        }
        if (n - i > 1)
        {
            throw PythonError.ValueError($"Invalid format specifier '{spec}' for object of type '{typeName}'");
        }
        if (i < n)
        {
            r.Type = spec[i];
        }
        if (r.Grouping != '\0')
        {
            bool ok = r.Type switch
            {
                '\0' or 'd' or 'e' or 'f' or 'g' or 'E' or 'F' or 'G' or '%' => true,
                'b' or 'o' or 'x' or 'X' => r.Grouping == '_',
                _ => false,
            };
            if (!ok)
            {
                throw PythonError.ValueError($"Cannot specify '{r.Grouping}' with '{r.Type}'.");
            }
        }
        if (r.Align == '\0')
        {
            r.Align = defaultAlign;
        }
        return r;
    }

    private static int ReadInt(string s, ref int i, string tooBig)
    {
        int start = i;
        long v = 0;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            v = v * 10 + (s[i] - '0');
            if (v > int.MaxValue)
            {
                throw PythonError.ValueError(tooBig);
            }
            i++;
        }
        return i == start ? -1 : (int)v;
    }

    private static string FormatString(string s, string spec, string typeName)
    {
        if (spec.Length == 0)
        {
            return s;
        }
        var f = Parse(spec, '<', typeName, 's');
        if (f.Type != 's')
        {
            throw UnknownCode(f.Type, typeName);
        }
        if (f.Sign != '\0')
        {
            throw PythonError.ValueError(f.Sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
        }
        if (f.NoNegZero)
        {
            throw PythonError.ValueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (f.Alternate)
        {
            throw PythonError.ValueError("Alternate form (#) not allowed in string format specifier");
        }
        if (f.Align == '=')
        {
            throw PythonError.ValueError("'=' alignment not allowed in string format specifier");
        }
        if (f.Precision >= 0 && f.Precision < s.Length)
        {
            s = s[..PyString.ToUnitIndex(s, f.Precision)];
        }
        var sb = new StringBuilder();
        PyFormatting.Pad(sb, s, f.Width, f.Align, f.Fill);
        return sb.ToString();
    }

    private static PythonError UnknownCode(char type, string typeName)
    {
        string code = type < 0x80 && type >= 0x20 ? type.ToString() : "\\x" + ((int)type).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        return PythonError.ValueError($"Unknown format code '{code}' for object of type '{typeName}'");
    }

    private static string FormatInt(BigInteger v, string spec, string typeName)
    {
        if (spec.Length == 0)
        {
            return PyNumber.ToDecimalString(v);
        }
        var f = Parse(spec, '>', typeName, 'd');
        switch (f.Type)
        {
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            case '%':
                return FormatFloat(PyNumber.BigToDouble(v), spec);
            case '\0':
            case 'd':
            case 'n':
            case 'b':
            case 'o':
            case 'x':
            case 'X':
            case 'c':
                break;
            default:
                throw UnknownCode(f.Type, typeName);
        }
        if (f.Precision >= 0)
        {
            throw PythonError.ValueError("Precision not allowed in integer format specifier");
        }
        if (f.NoNegZero)
        {
            throw PythonError.ValueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (f.Type == 'c')
        {
            if (f.Sign != '\0')
            {
                throw PythonError.ValueError("Sign not allowed with integer format specifier 'c'");
            }
            if (f.Alternate)
            {
                throw PythonError.ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (v < long.MinValue || v > long.MaxValue)
            {
                throw PythonError.Overflow("Python int too large to convert to C long");
            }
            if (v.Sign < 0 || v > 0x10FFFF)
            {
                throw PythonError.Overflow("%c arg not in range(0x110000)");
            }
            var cb = new StringBuilder(2);
            PyUnicode.AppendCodePoint(cb, (int)v);
            return Assemble(f, "", cb.ToString(), "", groupable: false);
        }
        int radix = f.Type switch { 'b' => 2, 'o' => 8, 'x' or 'X' => 16, _ => 10 };
        string digits = PyFormatting.IntDigits(BigInteger.Abs(v), radix, f.Type == 'X');
        string sign = v.Sign < 0 ? "-" : f.Sign == '+' ? "+" : f.Sign == ' ' ? " " : "";
        string prefix = f.Alternate ? f.Type switch { 'b' => "0b", 'o' => "0o", 'x' => "0x", 'X' => "0X", _ => "" } : "";
        return Assemble(f, sign + prefix, digits, "", groupable: true, groupSize: radix == 10 ? 3 : 4);
    }

    private static string FormatFloat(double v, string spec)
    {
        if (spec.Length == 0)
        {
            return PyFloat.Repr(v);
        }
        var f = Parse(spec, '>', "float", '\0');
        char type = f.Type;
        switch (type)
        {
            case '\0':
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            case 'n':
            case '%':
                break;
            default:
                throw UnknownCode(type, "float");
        }
        bool percent = type == '%';
        if (percent)
        {
            v *= 100;
        }
        double abs = Math.Abs(v);
        bool negative = double.IsNegative(v) && !double.IsNaN(v);
        string body;
        if (!double.IsFinite(v))
        {
            bool upper = type is 'E' or 'F' or 'G';
            body = double.IsNaN(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        }
        else if (type == '\0' && f.Precision < 0)
        {
            string r = PyFloat.Repr(abs);
            body = f.Alternate && !r.Contains('.') && r.Contains('e') ? r.Insert(r.IndexOf('e'), ".") : r;
        }
        else if (type is '\0')
        {
            body = PyFormatting.General(abs, f.Precision, 'e', f.Alternate, keepPoint: true);
        }
        else
        {
            char t = type switch { 'n' => 'g', '%' => 'f', _ => type };
            body = PyFormatting.FloatBody(abs, t, f.Precision < 0 ? 6 : f.Precision, f.Alternate);
        }
        if (negative && f.NoNegZero && IsZeroBody(body))
        {
            negative = false;
        }
        string sign = negative ? "-" : f.Sign == '+' ? "+" : f.Sign == ' ' ? " " : "";
        // Split the integer digits (grouped) from the fraction/exponent tail.
        int end = 0;
        while (end < body.Length && char.IsAsciiDigit(body[end]))
        {
            end++;
        }
        string intPart = body[..end];
        string tail = body[end..] + (percent ? "%" : "");
        if (intPart.Length == 0)
        {
            return Assemble(f, sign, body + (percent ? "%" : ""), "", groupable: false);
        }
        return Assemble(f, sign, intPart, tail, groupable: true, groupSize: 3);
    }

    private static bool IsZeroBody(string body)
    {
        foreach (char c in body)
        {
            if (c is 'e' or 'E')
            {
                break;
            }
            if (c is not ('0' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    private static string Assemble(Spec f, string prefix, string digits, string tail, bool groupable, int groupSize = 3)
    {
        bool zeroFill = f.Fill == "0" && f.Align == '=';
        if (groupable && f.Grouping != '\0')
        {
            int minWidth = zeroFill ? Math.Max(0, f.Width - prefix.Length - PyString.Length(tail)) : 0;
            digits = Group(digits, f.Grouping, groupSize, minWidth);
        }
        string core = digits + tail;
        int len = prefix.Length + PyString.Length(core);
        var sb = new StringBuilder();
        if (f.Width <= len)
        {
            return sb.Append(prefix).Append(core).ToString();
        }
        int pad = f.Width - len;
        switch (f.Align)
        {
            case '=':
                sb.Append(prefix);
                AppendFill(sb, f.Fill, pad);
                sb.Append(core);
                break;
            case '<':
                sb.Append(prefix).Append(core);
                AppendFill(sb, f.Fill, pad);
                break;
            case '^':
                AppendFill(sb, f.Fill, pad / 2);
                sb.Append(prefix).Append(core);
                AppendFill(sb, f.Fill, pad - pad / 2);
                break;
            default:
                AppendFill(sb, f.Fill, pad);
                sb.Append(prefix).Append(core);
                break;
        }
        return sb.ToString();
    }

    private static void AppendFill(StringBuilder sb, string fill, int count)
    {
        for (int i = 0; i < count; i++)
        {
            sb.Append(fill);
        }
    }

    /// <summary>CPython's thousands grouping, which also groups the zero padding up to <paramref name="minWidth"/>.</summary>
    private static string Group(string digits, char sep, int size, int minWidth)
    {
        var parts = new List<string>();
        int remaining = digits.Length;
        int pos = digits.Length;
        while (true)
        {
            int use = Math.Min(size, Math.Max(Math.Max(remaining, minWidth), 1));
            int chars = Math.Max(0, Math.Min(remaining, use));
            int zeros = Math.Max(0, use - remaining);
            pos -= chars;
            parts.Add(new string('0', zeros) + digits.Substring(pos, chars));
            remaining -= chars;
            minWidth -= use;
            if (remaining <= 0 && minWidth <= 0)
            {
                break;
            }
            minWidth -= 1;
        }
        parts.Reverse();
        return string.Join(sep, parts);
    }
}
