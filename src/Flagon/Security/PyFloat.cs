using System.Globalization;

namespace Flagon.Security;

/// <summary>Python's <c>repr(float)</c> as <c>json.dumps</c> writes it (shortest round-trip digits, Python's layout).</summary>
internal static class PyFloat
{
    /// <summary>Formats <paramref name="value"/> exactly as Python's <c>json.dumps</c> does (NaN and infinities included).</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }
        // .NET's "R" gives the shortest round-trip digits; only the layout differs from Python.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string digits = dot < 0 ? r : r.Remove(dot, 1);
        int decpt = (dot < 0 ? r.Length : dot) + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }
        digits = digits[lead..];
        decpt -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        string body;
        if (decpt > 16 || decpt < -3)
        {
            int x = decpt - 1;
            string mant = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            body = mant + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (decpt <= 0)
        {
            body = "0." + new string('0', -decpt) + digits;
        }
        else if (decpt >= digits.Length)
        {
            body = digits + new string('0', decpt - digits.Length) + ".0";
        }
        else
        {
            body = digits[..decpt] + "." + digits[decpt..];
        }
        return negative ? "-" + body : body;
    }
}
