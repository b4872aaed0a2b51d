namespace Flagon.Routing;

/// <summary>Python's <c>urllib.parse.urljoin</c> for the redirect targets of <c>redirect_to</c>.</summary>
internal static class UrlJoin
{
    /// <summary>Resolves <paramref name="url"/> against the absolute <paramref name="baseUrl"/>.</summary>
    public static string Join(string baseUrl, string url)
    {
        if (url.Length == 0)
        {
            return baseUrl;
        }
        var schemeEnd = baseUrl.IndexOf("://", StringComparison.Ordinal);
        var scheme = baseUrl[..schemeEnd];
        var rest = baseUrl[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        var netloc = slash < 0 ? rest : rest[..slash];
        var basePath = slash < 0 ? "" : rest[slash..];

        var colon = url.IndexOf(':');
        if (colon > 0 && IsScheme(url.AsSpan(0, colon)))
        {
            var urlScheme = url[..colon];
            if (!string.Equals(urlScheme, scheme, StringComparison.OrdinalIgnoreCase))
            {
                return url;
            }
            url = url[(colon + 1)..];
            if (url.StartsWith("//", StringComparison.Ordinal))
            {
                return scheme + ":" + url;
            }
        }
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return scheme + ":" + url;
        }

        var fragmentIndex = url.IndexOf('#');
        var fragment = fragmentIndex >= 0 ? url[fragmentIndex..] : "";
        var noFragment = fragmentIndex >= 0 ? url[..fragmentIndex] : url;
        var queryIndex = noFragment.IndexOf('?');
        var query = queryIndex >= 0 ? noFragment[queryIndex..] : "";
        var path = queryIndex >= 0 ? noFragment[..queryIndex] : noFragment;

        if (path.Length == 0)
        {
            return scheme + "://" + netloc + basePath + (query.Length > 0 ? query : "") + fragment;
        }

        var baseParts = basePath.Split('/').ToList();
        if (baseParts[^1] != "")
        {
            baseParts.RemoveAt(baseParts.Count - 1);
        }
        List<string> segments;
        if (path.StartsWith('/'))
        {
            segments = [.. path.Split('/')];
        }
        else
        {
            segments = [.. baseParts, .. path.Split('/')];
            if (segments.Count > 2)
            {
                var middle = segments.GetRange(1, segments.Count - 2).Where(s => s.Length > 0).ToList();
                segments = [segments[0], .. middle, segments[^1]];
            }
        }
        var resolved = new List<string>();
        foreach (var seg in segments)
        {
            if (seg == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }
            }
            else if (seg != ".")
            {
                resolved.Add(seg);
            }
        }
        if (segments[^1] is "." or "..")
        {
            resolved.Add("");
        }
        var joined = string.Join("/", resolved);
        if (joined.Length == 0)
        {
            joined = "/";
        }
        return scheme + "://" + netloc + joined + query + fragment;
    }

    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }
        return true;
    }
}
