using System.Text;

namespace Flagon.Routing;

/// <summary>
/// No rule of an endpoint could be built with the given values and method. The message is Werkzeug's,
/// with its suggestion (a similar endpoint, the missing values, or the methods to use).
/// </summary>
public class BuildError : Exception
{
    /// <summary>Creates the error and computes Werkzeug's message from the adapter's map.</summary>
    public BuildError(string endpoint, IReadOnlyDictionary<string, object?> values, string? method, MapAdapter? adapter)
        : base(Describe(endpoint, values, method, adapter, out var suggested))
    {
        Endpoint = endpoint;
        Values = values;
        Method = method;
        Suggested = suggested;
    }

    /// <summary>The endpoint that could not be built.</summary>
    public string Endpoint { get; }

    /// <summary>The values given (nulls removed).</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>The method asked for, or null.</summary>
    public string? Method { get; }

    /// <summary>The closest rule in the map, if any.</summary>
    public Rule? Suggested { get; }

    private static string Describe(string endpoint, IReadOnlyDictionary<string, object?> values, string? method, MapAdapter? adapter, out Rule? suggested)
    {
        suggested = adapter is null ? null : ClosestRule(endpoint, values, method, adapter);
        var message = new StringBuilder();
        message.Append("Could not build url for endpoint ").Append(PyText.Repr(endpoint));
        if (!string.IsNullOrEmpty(method))
        {
            message.Append(" (").Append(PyText.Repr(method)).Append(')');
        }
        if (values.Count > 0)
        {
            message.Append(" with values ").Append(PyText.SortedListRepr(values.Keys));
        }
        message.Append('.');
        if (suggested is not null)
        {
            if (endpoint == suggested.Endpoint)
            {
                if (!string.IsNullOrEmpty(method) && suggested.Methods is not null && !suggested.Methods.Contains(method))
                {
                    message.Append(" Did you mean to use methods ").Append(PyText.SortedListRepr(suggested.Methods)).Append('?');
                }
                var missing = new HashSet<string>(suggested.ArgumentSet, StringComparer.Ordinal);
                if (suggested.Defaults is not null)
                {
                    missing.UnionWith(suggested.Defaults.Keys);
                }
                missing.ExceptWith(values.Keys);
                if (missing.Count > 0)
                {
                    message.Append(" Did you forget to specify values ").Append(PyText.SortedListRepr(missing)).Append('?');
                }
            }
            else
            {
                message.Append(" Did you mean ").Append(PyText.Repr(suggested.Endpoint)).Append(" instead?");
            }
        }
        return message.ToString();
    }

    private static Rule? ClosestRule(string endpoint, IReadOnlyDictionary<string, object?> values, string? method, MapAdapter adapter)
    {
        Rule? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var rule in adapter.Map.GetSnapshot().AllByEndpoint)
        {
            var score = 0.0;
            score += 0.98 * SequenceMatcher.Ratio(rule.Endpoint, endpoint);
            score += 0.01 * (values.Keys.All(rule.ArgumentSet.Contains) ? 1 : 0);
            score += 0.01 * (rule.Methods is { Count: > 0 } && method is not null && rule.Methods.Contains(method) ? 1 : 0);
            if (best is null || score > bestScore)
            {
                best = rule;
                bestScore = score;
            }
        }
        return best;
    }
}
