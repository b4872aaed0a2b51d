namespace Flagon.Jinja;

/// <summary>A generic error raised while a template renders.</summary>
public class TemplateRuntimeError : TemplateError
{
    /// <summary>Creates a runtime error.</summary>
    public TemplateRuntimeError(string? message) : base(message) { }

    /// <summary>Creates a runtime error with the error that caused it.</summary>
    public TemplateRuntimeError(string? message, Exception? inner) : base(message, inner) { }
}
