namespace Flagon.Jinja;

/// <summary>A template used an undefined value in a way its undefined kind does not allow.</summary>
public class UndefinedError : TemplateRuntimeError
{
    /// <summary>Creates the error with Jinja2's message, such as <c>'x' is undefined</c>.</summary>
    public UndefinedError(string? message) : base(message) { }
}
