using System.Globalization;
using System.Numerics;
using System.Text;

namespace Flagon.Security;

/// <summary>
/// Writes JSON tokens exactly as Python's <c>json.dumps</c> with compact separators does:
/// Python's float repr, NaN/Infinity literals, and its two escaping modes (<c>ensure_ascii</c>).
/// </summary>
internal sealed class PyJsonWriter
{
    private readonly StringBuilder _sb = new();
    private readonly bool _ensureAscii;

    public PyJsonWriter(bool ensureAscii) => _ensureAscii = ensureAscii;

    public StringBuilder Builder => _sb;

    public override string ToString() => _sb.ToString();

    public void Raw(char c) => _sb.Append(c);

    public void Null() => _sb.Append("null");

    public void Bool(bool b) => _sb.Append(b ? "true" : "false");

    public void Float(double d) => _sb.Append(Flagon.Jinja.Python.PyJson.FloatText(d));

    public void Integer(BigInteger n) => _sb.Append(n.ToString(CultureInfo.InvariantCulture));

    public void Integer(long n) => _sb.Append(n);

    public void Integer(ulong n) => _sb.Append(n);

    /// <summary>Writes a number of any .NET numeric type; false when <paramref name="value"/> is not one.</summary>
    public bool TryNumber(object value)
    {
        switch (value)
        {
            case long l: Integer(l); return true;
            case int i: Integer(i); return true;
            case short s: Integer(s); return true;
            case sbyte sb: Integer(sb); return true;
            case byte b: Integer(b); return true;
            case ushort us: Integer(us); return true;
            case uint ui: Integer(ui); return true;
            case ulong ul: Integer(ul); return true;
            case BigInteger bi: Integer(bi); return true;
            case Int128 i128: _sb.Append(i128.ToString(CultureInfo.InvariantCulture)); return true;
            case UInt128 u128: _sb.Append(u128.ToString(CultureInfo.InvariantCulture)); return true;
            case double d: Float(d); return true;
            case float f: Float(f); return true;
            case Half h: Float((double)h); return true;
            default: return false;
        }
    }

    /// <summary>Writes a quoted string with Python's escaping.</summary>
    public void String(string s) => Flagon.Jinja.Python.PyJson.AppendString(_sb, s, _ensureAscii);

    /// <summary>Orders keys as Python's <c>sorted()</c> orders strings: by code point.</summary>
    public static int CompareKeys(string a, string b)
    {
        int i = 0;
        int j = 0;
        while (i < a.Length && j < b.Length)
        {
            int ca = char.IsHighSurrogate(a[i]) && i + 1 < a.Length && char.IsLowSurrogate(a[i + 1]) ? char.ConvertToUtf32(a[i], a[i + 1]) : a[i];
            int cb = char.IsHighSurrogate(b[j]) && j + 1 < b.Length && char.IsLowSurrogate(b[j + 1]) ? char.ConvertToUtf32(b[j], b[j + 1]) : b[j];
            if (ca != cb)
            {
                return ca < cb ? -1 : 1;
            }
            i += ca > 0xFFFF ? 2 : 1;
            j += cb > 0xFFFF ? 2 : 1;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }
}
