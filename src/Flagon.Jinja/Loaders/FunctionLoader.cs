namespace Flagon.Jinja.Loaders;

/// <summary>Templates from a function returning the source for a name, or null when there is none.</summary>
public sealed class FunctionLoader(Func<string, string?> load) : ITemplateLoader
{
    /// <inheritdoc />
    public TemplateSource? GetSource(string name) => load(name) is { } source ? new TemplateSource(source) : null;
}
