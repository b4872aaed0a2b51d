using System.Text.RegularExpressions;

namespace Flagon.Routing;

/// <summary>One piece of a rule string: a slash, static text, or a variable with its converter.</summary>
internal readonly record struct RuleToken(RuleTokenKind Kind, string Text, string? Converter, string? Arguments);

/// <summary>The kinds of <see cref="RuleToken"/>.</summary>
internal enum RuleTokenKind
{
    Slash,
    Static,
    Variable,
}

/// <summary>Splits rule strings into tokens with Werkzeug's rule grammar.</summary>
internal static partial class RuleSyntax
{
    [GeneratedRegex("""\G(?:(?<slash>/)|(?<static>[^</]+)|<(?:(?<converter>[a-zA-Z_][a-zA-Z0-9_]*)(?:\((?<arguments>.*?)\))?:)?(?<variable>[a-zA-Z_][a-zA-Z0-9_]*)>)""")]
    private static partial Regex PartRegex();

    [GeneratedRegex("/{2,}")]
    private static partial Regex SlashRunRegex();

    /// <summary>Collapses runs of slashes, as merge_slashes does to rules and paths.</summary>
    public static string MergeSlashes(string text) => text.Contains("//", StringComparison.Ordinal)
        ? SlashRunRegex().Replace(text, "/")
        : text;

    /// <summary>Tokenizes a rule (or subdomain) string.</summary>
    /// <exception cref="ArgumentException">The rule is malformed.</exception>
    public static List<RuleToken> Tokenize(string rule)
    {
        var tokens = new List<RuleToken>();
        var pos = 0;
        while (pos < rule.Length)
        {
            var match = PartRegex().Match(rule, pos);
            if (!match.Success || match.Length == 0)
            {
                throw new ArgumentException($"malformed url rule: {PyText.Repr(rule)}");
            }
            if (match.Groups["slash"].Success)
            {
                tokens.Add(new RuleToken(RuleTokenKind.Slash, "/", null, null));
            }
            else if (match.Groups["static"].Success)
            {
                tokens.Add(new RuleToken(RuleTokenKind.Static, match.Groups["static"].Value, null, null));
            }
            else
            {
                var converter = match.Groups["converter"];
                var arguments = match.Groups["arguments"];
                tokens.Add(new RuleToken(
                    RuleTokenKind.Variable,
                    match.Groups["variable"].Value,
                    converter.Success ? converter.Value : null,
                    arguments.Success ? arguments.Value : null));
            }
            pos = match.Index + match.Length;
        }
        return tokens;
    }
}
