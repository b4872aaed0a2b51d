namespace Flagon.Jinja.Loaders;

/// <summary>Tries several loaders in turn; the first that has the template wins.</summary>
public sealed class ChoiceLoader(params ITemplateLoader[] loaders) : ITemplateLoader
{
    /// <inheritdoc />
    public TemplateSource? GetSource(string name)
    {
        foreach (var loader in loaders)
        {
            if (loader.GetSource(name) is { } source)
            {
                return source;
            }
        }
        return null;
    }
}
