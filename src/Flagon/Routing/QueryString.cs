using System.Collections;
using System.Text;

namespace Flagon.Routing;

/// <summary>Query strings as Werkzeug 3 builds them: <c>urlencode</c> of the multi-items, None dropped.</summary>
internal static class QueryString
{
    /// <summary>Encodes the values whose keys are not in <paramref name="exclude"/>; lists repeat the key.</summary>
    public static string Encode(IReadOnlyDictionary<string, object?> values, ISet<string>? exclude)
    {
        StringBuilder? sb = null;
        foreach (var (key, value) in values)
        {
            if (exclude is not null && exclude.Contains(key))
            {
                continue;
            }
            if (PyText.IsMultiValue(value))
            {
                foreach (var item in (IEnumerable)value!)
                {
                    Append(ref sb, key, item);
                }
            }
            else
            {
                Append(ref sb, key, value);
            }
        }
        return sb?.ToString() ?? "";
    }

    private static void Append(ref StringBuilder? sb, string key, object? value)
    {
        if (value is null)
        {
            return;
        }
        sb ??= new StringBuilder();
        if (sb.Length > 0)
        {
            sb.Append('&');
        }
        sb.Append(UrlQuoting.QuoteQuery(key)).Append('=').Append(UrlQuoting.QuoteQuery(PyText.Str(value)));
    }
}
