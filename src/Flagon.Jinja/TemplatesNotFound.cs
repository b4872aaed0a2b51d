namespace Flagon.Jinja;

/// <summary>None of several template names (an <c>include</c> of a list, <c>SelectTemplate</c>) exists.</summary>
public class TemplatesNotFound : TemplateNotFound
{
    /// <summary>Creates the error; the message lists the names as Jinja2 does.</summary>
    public TemplatesNotFound(IReadOnlyList<string> names, string? message = null)
        : base(names, message ?? (names.Count == 0
            ? "Tried to select from an empty list of templates."
            : "none of the templates given were found: " + string.Join(", ", names)))
    {
    }
}
