namespace Flagon.Jinja;

/// <summary>A sandboxed template tried to reach something the sandbox policy forbids.</summary>
public class SecurityError : TemplateRuntimeError
{
    /// <summary>Creates the error; the message names what was refused.</summary>
    public SecurityError(string? message) : base(message) { }
}
