using System.Text;

namespace Flagon.Jinja.Loaders;

/// <summary>
/// Templates from one or more folders (the first that has the file wins), read as UTF-8. A compiled
/// template is out of date when the file's modification time changes.
/// </summary>
public sealed class FileSystemLoader : ITemplateLoader
{
    private readonly string[] _searchPaths;

    /// <summary>Creates a loader over the given folders, searched in order.</summary>
    public FileSystemLoader(params string[] searchPaths) => _searchPaths = searchPaths;

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> SearchPaths => _searchPaths;

    /// <inheritdoc />
    public TemplateSource? GetSource(string name)
    {
        var pieces = TemplatePath.Split(name);
        foreach (var root in _searchPaths)
        {
            string path = Path.Combine([root, .. pieces]);
            if (!File.Exists(path))
            {
                continue;
            }
            var stamp = File.GetLastWriteTimeUtc(path);
            long size = new FileInfo(path).Length;
            string text = File.ReadAllText(path, new UTF8Encoding(false));
            return new TemplateSource(text, Path.GetFullPath(path), () =>
            {
                try
                {
                    return File.Exists(path) && File.GetLastWriteTimeUtc(path) == stamp && new FileInfo(path).Length == size;
                }
                catch (IOException)
                {
                    return false;
                }
            });
        }
        return null;
    }
}
