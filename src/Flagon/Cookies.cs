using System.Globalization;
using System.Text;

namespace Flagon;

/// <summary>The <c>Set-Cookie</c> header format of Werkzeug's <c>dump_cookie</c>.</summary>
internal static class Cookies
{
    private const string LegalChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/=!#$%&'*+-.^_`|~:";

    /// <summary>Builds one Set-Cookie header value.</summary>
    public static string Dump(string key, string value, int? maxAge, DateTimeOffset? expires, string? path, string? domain, bool secure, bool httpOnly, string? sameSite, bool partitioned)
    {
        if (sameSite is not null && sameSite is not ("Strict" or "Lax" or "None") && sameSite.ToLowerInvariant() is var s)
        {
            sameSite = s switch
            {
                "strict" => "Strict",
                "lax" => "Lax",
                "none" => "None",
                _ => throw new ArgumentException("SameSite must be 'Strict', 'Lax', or 'None'.", nameof(sameSite)),
            };
        }

        var sb = new StringBuilder();
        sb.Append(key).Append('=').Append(Quote(value));
        if (domain is not null)
        {
            sb.Append("; Domain=").Append(domain);
        }

        if (expires is DateTimeOffset e)
        {
            sb.Append("; Expires=").Append(e.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
        }

        if (maxAge is int age)
        {
            sb.Append("; Max-Age=").Append(age.ToString(CultureInfo.InvariantCulture));
        }

        if (secure)
        {
            sb.Append("; Secure");
        }

        if (httpOnly)
        {
            sb.Append("; HttpOnly");
        }

        if (path is not null)
        {
            sb.Append("; Path=").Append(path);
        }

        if (sameSite is not null)
        {
            sb.Append("; SameSite=").Append(sameSite);
        }

        if (partitioned)
        {
            sb.Append("; Partitioned");
        }

        return sb.ToString();
    }

    /// <summary>Werkzeug 2.2's cookie quoting: legal values pass through; others are double-quoted with octal escapes.</summary>
    public static string Quote(string value)
    {
        if (value.All(c => LegalChars.Contains(c, StringComparison.Ordinal)))
        {
            return value;
        }

        var sb = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            switch (b)
            {
                case (byte)'"' or (byte)'\\':
                    sb.Append('\\').Append((char)b);
                    break;
                case (byte)',' or (byte)';' or < 32 or >= 127:
                    sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
                default:
                    sb.Append((char)b);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
