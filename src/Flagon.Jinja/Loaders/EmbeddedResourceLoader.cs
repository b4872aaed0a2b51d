using System.Reflection;
using System.Text;

namespace Flagon.Jinja.Loaders;

/// <summary>
/// Templates embedded in an assembly: <c>pages/index.html</c> is the manifest resource
/// <c>{prefix}pages.index.html</c> (folders become dots, as MSBuild names them).
/// </summary>
public sealed class EmbeddedResourceLoader(Assembly assembly, string prefix) : ITemplateLoader
{
    /// <inheritdoc />
    public TemplateSource? GetSource(string name)
    {
        var pieces = TemplatePath.Split(name);
        string p = prefix.Length == 0 || prefix.EndsWith('.') ? prefix : prefix + ".";
        string resource = p + string.Join(".", pieces);
        using var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return new TemplateSource(reader.ReadToEnd());
    }
}
