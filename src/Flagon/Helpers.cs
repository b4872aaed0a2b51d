using System.Text;

namespace Flagon;

/// <summary>Internal building blocks shared by the public helpers.</summary>
internal static class Helpers
{
    /// <summary>Werkzeug's <c>redirect()</c> response: the "Redirecting..." page and a verbatim Location (non-ASCII percent-encoded).</summary>
    public static Response RedirectResponse(string location, int code)
    {
        var target = IriToUri(location);
        var body = "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
            + $"<p>You should be redirected automatically to the target URL: <a href=\"{Html.Escape(target)}\">{Html.Escape(location)}</a>. If not, click the link.\n";
        var response = new Response(body, code);
        response.Location = target;
        return response;
    }

    /// <summary>Percent-encodes the non-ASCII characters of a URL (UTF-8), leaving the rest as is.</summary>
    public static string IriToUri(string iri)
    {
        if (iri.All(c => c < 128))
        {
            return iri;
        }

        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(iri))
        {
            if (b < 128)
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Werkzeug's <c>url_quote(value, safe)</c>: letters, digits, <c>-._~</c> and <paramref name="safe"/> stay, other UTF-8 bytes become %XX.</summary>
    public static string UrlQuote(string value, string safe)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 128 && (char.IsAsciiLetterOrDigit(c) || "-._~".Contains(c, StringComparison.Ordinal) || safe.Contains(c, StringComparison.Ordinal)))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Werkzeug's <c>safe_join</c>: joins an untrusted relative path below <paramref name="directory"/>, or returns
    /// null for absolute paths, <c>..</c> escapes, backslashes and NUL characters.
    /// </summary>
    public static string? SafeJoin(string directory, string untrusted)
    {
        if (untrusted.Contains('\\', StringComparison.Ordinal) || untrusted.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var normalized = untrusted.Length == 0 ? string.Empty : NormPath(untrusted);
        if (normalized.StartsWith('/') || normalized == ".." || normalized.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(normalized))
        {
            return null;
        }

        return normalized.Length == 0 ? directory : Path.Combine(directory, normalized);
    }

    /// <summary>Python's <c>posixpath.normpath</c>.</summary>
    public static string NormPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var initialSlashes = path.StartsWith('/') ? (path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("///", StringComparison.Ordinal) ? 2 : 1) : 0;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part != ".." || (initialSlashes == 0 && parts.Count == 0) || (parts.Count > 0 && parts[^1] == ".."))
            {
                parts.Add(part);
            }
            else if (parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        var result = new string('/', initialSlashes) + string.Join('/', parts);
        return result.Length == 0 ? "." : result;
    }

    /// <summary>The Adler-32 checksum (zlib's), used in file ETags as Werkzeug does.</summary>
    public static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }
}
