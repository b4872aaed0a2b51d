using System.Text;

namespace Flagon.Cli;

/// <summary>The text of <c>routes</c>, laid out as <c>flask routes</c> prints it.</summary>
internal static class RouteTable
{
    /// <summary>Formats the app's rules: Endpoint, Methods, Rule columns, sorted as asked.</summary>
    public static string Format(FlagonApp app, string sort, bool allMethods)
    {
        var rules = app.UrlMap.Rules.ToList();
        if (rules.Count == 0)
        {
            return "No routes were registered.\n";
        }

        var ignored = allMethods ? new HashSet<string>() : new HashSet<string> { "HEAD", "OPTIONS" };
        string Methods(Flagon.Routing.Rule r) => string.Join(", ", (r.Methods ?? new HashSet<string>()).Where(m => !ignored.Contains(m)).OrderBy(m => m, StringComparer.Ordinal));

        rules = sort switch
        {
            "methods" => rules.OrderBy(r => Methods(r), StringComparer.Ordinal).ToList(),
            "rule" => rules.OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList(),
            "match" => rules,
            _ => rules.OrderBy(r => r.Endpoint, StringComparer.Ordinal).ToList(),
        };

        var rows = rules.Select(r => new[] { r.Endpoint, Methods(r), r.Pattern }).ToList();
        string[] headers = ["Endpoint", "Methods", "Rule"];
        var widths = Enumerable.Range(0, 3).Select(i => Math.Max(headers[i].Length, rows.Max(row => row[i].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells) => sb.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows)
        {
            Line(row);
        }

        return sb.ToString();
    }
}
