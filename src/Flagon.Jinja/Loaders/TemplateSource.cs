namespace Flagon.Jinja.Loaders;

/// <summary>
/// Loaded template source: the text, the file it came from (if any) and a check telling whether
/// a compiled copy is still current (null: always current).
/// </summary>
public sealed record TemplateSource(string Source, string? FileName = null, Func<bool>? IsUpToDate = null);
