namespace Flagon.Jinja;

/// <summary>The template source is not valid Jinja: raised when a template is compiled.</summary>
public class TemplateSyntaxError : TemplateError
{
    /// <summary>Creates a syntax error at a line of a template.</summary>
    public TemplateSyntaxError(string message, int lineNumber, string? templateName = null, string? fileName = null)
        : base(message)
    {
        LineNumber = lineNumber;
        TemplateName = templateName;
        FileName = fileName;
    }

    /// <summary>The file the template was loaded from, when it came from a file.</summary>
    public string? FileName { get; set; }
}
