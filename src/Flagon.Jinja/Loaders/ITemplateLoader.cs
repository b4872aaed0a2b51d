namespace Flagon.Jinja.Loaders;

/// <summary>Finds template source by name. Names are <c>/</c>-separated and loader-absolute.</summary>
public interface ITemplateLoader
{
    /// <summary>Returns the template's source, or null when this loader has no template of that name.</summary>
    TemplateSource? GetSource(string name);
}
