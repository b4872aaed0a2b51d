using System.Collections;
using System.Globalization;

namespace Flagon;

/// <summary>
/// Werkzeug's trusted-host rules (<c>host_is_trusted</c>), behind Flask 3.1's <c>TRUSTED_HOSTS</c>: a name matches
/// exactly, a name with a leading dot also matches every subdomain, ports are ignored, non-ASCII names compare in IDNA form.
/// </summary>
public static class TrustedHosts
{
    /// <summary>
    /// True when <paramref name="host"/> (a Host header, with or without a port) matches one of <paramref name="trusted"/>:
    /// <c>example.com</c> only itself, <c>.example.com</c> itself and its subdomains. ASCII names compare as they are
    /// (Werkzeug does not fold case); an empty or unencodable host is never trusted.
    /// </summary>
    public static bool IsTrusted(string? host, IEnumerable<string> trusted)
    {
        if (string.IsNullOrEmpty(host) || Normalize(host) is not { } name)
        {
            return false;
        }

        foreach (var entry in trusted)
        {
            var suffix = entry.StartsWith('.');
            if (Normalize(suffix ? entry[1..] : entry) is not { } reference)
            {
                return false;
            }

            if (name == reference || (suffix && name.Length > reference.Length && name[^(reference.Length + 1)] == '.' && name.EndsWith(reference, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>TRUSTED_HOSTS</c> value as a list: null when unset, a single string as a one-name list.</summary>
    internal static string[]? FromConfig(object? value) => value switch
    {
        null => null,
        string one => [one],
        IEnumerable<string> many => [.. many],
        IEnumerable items => [.. items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? string.Empty)],
        _ => throw new InvalidOperationException($"TRUSTED_HOSTS must be a list of host names, not {value.GetType().Name}."),
    };

    // The port goes (after the last ':', or after the ']' of an IPv6 literal); ASCII stays as it is, other names become
    // IDNA (Python's "idna" codec: empty inner labels are an error, a trailing dot is kept).
    private static string? Normalize(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            host = end < 0 ? host : host[..(end + 1)];
        }
        else if (host.LastIndexOf(':') is var colon and >= 0)
        {
            host = host[..colon];
        }

        if (host.Length == 0)
        {
            return null;
        }

        if (host.All(char.IsAscii))
        {
            var labels = host.Split('.');
            return labels[..^1].Any(l => l.Length is 0 or > 63) || labels[^1].Length > 63 ? null : host;
        }

        try
        {
            return new IdnMapping().GetAscii(host);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
