namespace Flagon.Jinja;

/// <summary>
/// The base of every error the engine raises. <see cref="Kind"/> is the name Jinja2 (or Python)
/// gives the error, such as <c>TemplateSyntaxError</c> or <c>TypeError</c>, so tools can report it as Jinja2 does.
/// </summary>
public class TemplateError : Exception
{
    /// <summary>Creates an error with a message.</summary>
    public TemplateError(string? message) : base(message) { }

    /// <summary>Creates an error with a message and the error that caused it.</summary>
    public TemplateError(string? message, Exception? inner) : base(message, inner) { }

    /// <summary>The error's name as Jinja2 or Python reports it (the class name by default).</summary>
    public virtual string Kind => GetType().Name;

    /// <summary>The name of the template the error happened in, when known.</summary>
    public string? TemplateName { get; set; }

    /// <summary>The 1-based line in that template, when known.</summary>
    public int? LineNumber { get; set; }

    /// <summary>The message without the template location.</summary>
    public string BareMessage => base.Message;

    /// <inheritdoc />
    public override string Message => LineNumber is int line
        ? $"{base.Message} (template {TemplateName ?? "<string>"}, line {line})"
        : TemplateName is not null ? $"{base.Message} (template {TemplateName})" : base.Message;
}
