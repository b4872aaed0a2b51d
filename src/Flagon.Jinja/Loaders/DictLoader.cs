namespace Flagon.Jinja.Loaders;

/// <summary>Templates from an in-memory dictionary of name → source (always up to date while the text is unchanged).</summary>
public sealed class DictLoader(IDictionary<string, string> mapping) : ITemplateLoader
{
    /// <inheritdoc />
    public TemplateSource? GetSource(string name)
    {
        if (!mapping.TryGetValue(name, out var source))
        {
            return null;
        }
        return new TemplateSource(source, null, () => mapping.TryGetValue(name, out var now) && ReferenceEquals(now, source));
    }
}
