namespace Flagon.Jinja;

/// <summary>
/// A template that parses but cannot be valid, found at compile time (unknown filter or test,
/// duplicate block, import of a private name).
/// </summary>
public class TemplateAssertionError : TemplateSyntaxError
{
    /// <summary>Creates an assertion error at a line of a template.</summary>
    public TemplateAssertionError(string message, int lineNumber, string? templateName = null, string? fileName = null)
        : base(message, lineNumber, templateName, fileName) { }
}
