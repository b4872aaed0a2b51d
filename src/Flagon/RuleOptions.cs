namespace Flagon;

/// <summary>What Flagon keeps on each rule (its <c>Tag</c>): whether the rule answers OPTIONS automatically.</summary>
public sealed class RuleOptions
{
    /// <summary>True when Flagon answers OPTIONS for this rule with an <c>Allow</c> header (Flask's <c>provide_automatic_options</c>).</summary>
    public bool ProvideAutomaticOptions { get; init; }
}
