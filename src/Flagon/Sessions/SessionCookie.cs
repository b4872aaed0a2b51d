using System.Globalization;
using System.Text;

namespace Flagon.Sessions;

/// <summary>A <c>Set-Cookie</c> to send: the session cookie's value and attributes, as Werkzeug's <c>dump_cookie</c> writes them.</summary>
public sealed record SessionCookie
{
    /// <summary>The cookie name.</summary>
    public required string Name { get; init; }

    /// <summary>The cookie value (empty when deleting).</summary>
    public required string Value { get; init; }

    /// <summary>The Expires attribute; null for a browser-session cookie.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The Max-Age attribute in seconds (only set when deleting: 0).</summary>
    public long? MaxAge { get; init; }

    /// <summary>The Domain attribute, or null for a host-only cookie.</summary>
    public string? Domain { get; init; }

    /// <summary>The Path attribute.</summary>
    public string? Path { get; init; } = "/";

    /// <summary>The Secure flag.</summary>
    public bool Secure { get; init; }

    /// <summary>The HttpOnly flag.</summary>
    public bool HttpOnly { get; init; }

    /// <summary>The SameSite attribute: null, <c>Strict</c>, <c>Lax</c> or <c>None</c>.</summary>
    public string? SameSite { get; init; }

    /// <summary>The Partitioned flag (CHIPS); it implies Secure.</summary>
    public bool Partitioned { get; init; }

    /// <summary>
    /// The header value in Werkzeug's layout, e.g. <c>session=…; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/</c>
    /// (attribute order Domain, Expires, Max-Age, Secure, HttpOnly, Path, SameSite, Partitioned).
    /// </summary>
    /// <exception cref="ArgumentException">SameSite is not Strict, Lax or None.</exception>
    public string ToSetCookieHeader()
    {
        var sb = new StringBuilder();
        sb.Append(Name).Append('=').Append(Value);
        if (!string.IsNullOrEmpty(Domain))
        {
            string host = Domain.Split(':', 2)[0].TrimStart('.');
            sb.Append("; Domain=").Append(host.Length == 0 ? host : new IdnMapping().GetAscii(host));
        }
        if (Expires is DateTimeOffset expires)
        {
            sb.Append("; Expires=").Append(HttpDate.Format(expires));
        }
        if (MaxAge is long maxAge)
        {
            sb.Append("; Max-Age=").Append(maxAge.ToString(CultureInfo.InvariantCulture));
        }
        if (Secure || Partitioned)
        {
            sb.Append("; Secure");
        }
        if (HttpOnly)
        {
            sb.Append("; HttpOnly");
        }
        if (Path is not null)
        {
            sb.Append("; Path=").Append(QuotePath(Path));
        }
        if (SameSite is not null)
        {
            sb.Append("; SameSite=").Append(NormalizeSameSite(SameSite));
        }
        if (Partitioned)
        {
            sb.Append("; Partitioned");
        }
        return sb.ToString();
    }

    /// <summary>Title-cases and checks a SameSite value as Werkzeug does.</summary>
    /// <exception cref="ArgumentException">It is not Strict, Lax or None.</exception>
    public static string NormalizeSameSite(string value)
    {
        string title = value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..].ToLowerInvariant();
        return title is "Strict" or "Lax" or "None"
            ? title
            : throw new ArgumentException("SameSite must be 'Strict', 'Lax', or 'None'.", nameof(value));
    }

    // Werkzeug quotes the path with safe = "%!$&'()*+,/:=@" plus unreserved characters.
    private static string QuotePath(string path)
    {
        var sb = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(path))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~%!$&'()*+,/:=@".Contains(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
