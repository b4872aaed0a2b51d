namespace Flagon.Jinja;

/// <summary>A filter was given an argument it cannot use.</summary>
public class FilterArgumentError : TemplateRuntimeError
{
    /// <summary>Creates the error.</summary>
    public FilterArgumentError(string? message) : base(message) { }
}
