using System.Text;
using Flagon.Jinja.Loaders;

namespace Flagon.Templating;

/// <summary>
/// The app's global template loader (Flask's <c>DispatchingJinjaLoader</c>): the app's own loader first, then
/// every loader added with <see cref="Add(ITemplateLoader)"/> in order. This is the seam for blueprints: registering a blueprint
/// with a template folder appends its loader here, so app templates always win over blueprint templates.
/// With <see cref="Explain"/> on (<c>EXPLAIN_TEMPLATE_LOADING</c>), every lookup tries all loaders and reports them to <see cref="Log"/>.
/// </summary>
public sealed class TemplateLoaderChain : ITemplateLoader
{
    private volatile Entry[] _entries;

    /// <summary>Creates a chain over the given loaders (null entries are skipped).</summary>
    public TemplateLoaderChain(params ITemplateLoader?[] loaders)
        => _entries = loaders.OfType<ITemplateLoader>().Select(l => new Entry(l, null)).ToArray();

    /// <summary>The loaders, in search order.</summary>
    public IReadOnlyList<ITemplateLoader> Loaders => _entries.Select(e => e.Loader).ToArray();

    /// <summary>When it returns true, lookups are explained (Flask's <c>EXPLAIN_TEMPLATE_LOADING</c>); null means never.</summary>
    public Func<bool>? Explain { get; set; }

    /// <summary>Where explanations go (the app's logger at information level, as Flask's <c>app.logger.info</c>).</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Appends a loader (searched after the ones already there). Safe while templates are being loaded.</summary>
    public void Add(ITemplateLoader loader) => Add(loader, null);

    /// <summary>Appends a loader with the label explanations show for it (e.g. <c>blueprint 'admin'</c>).</summary>
    public void Add(ITemplateLoader loader, string? label)
    {
        ArgumentNullException.ThrowIfNull(loader);
        lock (this)
        {
            _entries = [.. _entries, new Entry(loader, label)];
        }
    }

    /// <inheritdoc />
    public TemplateSource? GetSource(string name)
    {
        var entries = _entries;
        if (Explain?.Invoke() == true && Log is { } log)
        {
            return ExplainedGetSource(name, entries, log);
        }

        foreach (var entry in entries)
        {
            if (entry.Loader.GetSource(name) is { } source)
            {
                return source;
            }
        }

        return null;
    }

    private static TemplateSource? ExplainedGetSource(string name, Entry[] entries, Action<string> log)
    {
        var info = new StringBuilder().Append("Locating template '").Append(name).Append("':");
        TemplateSource? first = null;
        var found = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var (loader, label) = entries[i];
            info.Append('\n').Append($"{i + 1,5}: trying loader of {label ?? (i == 0 ? "application" : "loader " + (i + 1))}");
            info.Append("\n       class: ").Append(loader.GetType().FullName);
            if (loader is FileSystemLoader files)
            {
                info.Append("\n       searchpath:");
                foreach (var path in files.SearchPaths)
                {
                    info.Append("\n         - ").Append(path);
                }
            }

            var source = loader.GetSource(name);
            if (source is null)
            {
                info.Append("\n       -> no match");
                continue;
            }

            info.Append("\n       -> found (").Append(source.FileName is null ? "None" : "'" + source.FileName + "'").Append(')');
            found++;
            first ??= source;
        }

        if (found == 0)
        {
            info.Append("\nError: the template could not be found.");
        }
        else if (found > 1)
        {
            info.Append("\nWarning: multiple loaders returned a match for the template.");
        }

        log(info.ToString());
        return first;
    }

    private sealed record Entry(ITemplateLoader Loader, string? Label);
}
