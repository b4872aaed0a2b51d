namespace Flagon.Jinja;

/// <summary>No loader could find a template of this name.</summary>
public class TemplateNotFound : TemplateError
{
    /// <summary>Creates the error for one template name; the message is the name, as in Jinja2.</summary>
    public TemplateNotFound(string name, string? message = null) : base(message ?? name)
    {
        Name = name;
        Templates = [name];
    }

    /// <summary>Creates the error for several names tried in turn.</summary>
    protected TemplateNotFound(IReadOnlyList<string> names, string message) : base(message)
    {
        Name = names.Count > 0 ? names[^1] : "";
        Templates = names;
    }

    /// <summary>The name that was not found (the last one tried).</summary>
    public string Name { get; }

    /// <summary>Every name that was tried.</summary>
    public IReadOnlyList<string> Templates { get; }
}
