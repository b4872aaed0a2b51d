namespace Flagon.Jinja.Loaders;

/// <summary>Delegates to a loader chosen by the name's prefix (<c>admin/index.html</c> → loader "admin", name "index.html").</summary>
public sealed class PrefixLoader(IReadOnlyDictionary<string, ITemplateLoader> mapping, string delimiter = "/") : ITemplateLoader
{
    /// <inheritdoc />
    public TemplateSource? GetSource(string name)
    {
        int at = name.IndexOf(delimiter, StringComparison.Ordinal);
        if (at < 0 || !mapping.TryGetValue(name[..at], out var loader))
        {
            return null;
        }
        return loader.GetSource(name[(at + delimiter.Length)..]);
    }
}
