namespace Flagon.Jinja.Tests.Conformance;

/// <summary>What rendering a case gave: the output, or the exception it raised.</summary>
public sealed record RenderOutcome(string? Output, Exception? Error);
