using Flagon.Jinja.Loaders;

namespace Flagon.Templating;

/// <summary>
/// The app's global template loader (Flask's <c>DispatchingJinjaLoader</c>): the app's own loader first, then
/// every loader added with <see cref="Add"/> in order. This is the seam for blueprints: registering a blueprint
/// with a template folder appends its loader here, so app templates always win over blueprint templates.
/// </summary>
public sealed class TemplateLoaderChain : ITemplateLoader
{
    private volatile ITemplateLoader[] _loaders;

    /// <summary>Creates a chain over the given loaders (null entries are skipped).</summary>
    public TemplateLoaderChain(params ITemplateLoader?[] loaders) => _loaders = loaders.OfType<ITemplateLoader>().ToArray();

    /// <summary>The loaders, in search order.</summary>
    public IReadOnlyList<ITemplateLoader> Loaders => _loaders;

    /// <summary>Appends a loader (searched after the ones already there). Safe while templates are being loaded.</summary>
    public void Add(ITemplateLoader loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        lock (this)
        {
            _loaders = [.. _loaders, loader];
        }
    }

    /// <inheritdoc />
    public TemplateSource? GetSource(string name)
    {
        foreach (var loader in _loaders)
        {
            if (loader.GetSource(name) is { } source)
            {
                return source;
            }
        }

        return null;
    }
}
