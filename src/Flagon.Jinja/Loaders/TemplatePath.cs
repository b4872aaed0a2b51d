namespace Flagon.Jinja.Loaders;

/// <summary>Splits template names into safe path segments as Jinja2's <c>split_template_path</c>.</summary>
internal static class TemplatePath
{
    public static string[] Split(string name)
    {
        var pieces = new List<string>();
        foreach (var piece in name.Split('/'))
        {
            if (piece.Contains(Path.DirectorySeparatorChar) || piece.Contains(Path.AltDirectorySeparatorChar) || piece == "..")
            {
                throw new TemplateNotFound(name);
            }
            if (piece.Length > 0 && piece != ".")
            {
                pieces.Add(piece);
            }
        }
        return pieces.ToArray();
    }
}
