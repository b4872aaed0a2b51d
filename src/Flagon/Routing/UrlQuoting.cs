using System.Text;

namespace Flagon.Routing;

/// <summary>Percent-encoding as Python's <c>urllib.parse.quote</c> and <c>quote_plus</c> do it.</summary>
internal static class UrlQuoting
{
    /// <summary>The safe set Werkzeug 3 uses for path segments (WHATWG path-segment string).</summary>
    public const string PathSafe = "!$&'()*+,/:;=@";

    /// <summary>The safe set Werkzeug 3 uses for query keys and values.</summary>
    public const string QuerySafe = "!$'()*,/:;?@";

    /// <summary>The safe set Flask 3 uses for <c>_anchor</c>.</summary>
    public const string AnchorSafe = "%!#$&'()*+,/:;=?@";

    private static readonly bool[] _pathTable = Table(PathSafe);
    private static readonly bool[] _queryTable = Table(QuerySafe);
    private static readonly bool[] _anchorTable = Table(AnchorSafe);

    private static bool[] Table(string safe)
    {
        var table = new bool[128];
        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = true;
        }
        for (var c = 'A'; c <= 'Z'; c++)
        {
            table[c] = true;
        }
        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = true;
        }
        foreach (var c in "_.-~")
        {
            table[c] = true;
        }
        foreach (var c in safe)
        {
            table[c] = true;
        }
        return table;
    }

    /// <summary>Quotes a path value with Werkzeug's path safe set.</summary>
    public static string QuotePath(string value) => Quote(value, _pathTable, false);

    /// <summary>Quotes a query key or value like <c>quote_plus</c> with Werkzeug's query safe set.</summary>
    public static string QuoteQuery(string value) => Quote(value, _queryTable, true);

    /// <summary>Quotes an anchor with Flask's anchor safe set.</summary>
    public static string QuoteAnchor(string value) => Quote(value, _anchorTable, false);

    private static string Quote(string value, bool[] table, bool plus)
    {
        var clean = true;
        foreach (var c in value)
        {
            if (c >= 128 || !table[c])
            {
                clean = false;
                break;
            }
        }
        if (clean)
        {
            return value;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b < 128 && table[b])
            {
                sb.Append((char)b);
            }
            else if (plus && b == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }
        return sb.ToString();
    }
}
