namespace Flagon.Jinja.Runtime;

/// <summary>
/// What a filter, test or global can ask to receive (declare a parameter of this type): the
/// environment and whether output at the calling site is autoescaped.
/// </summary>
public sealed class EvalContext
{
    internal EvalContext(JinjaEnvironment environment, bool autoescape, RenderContext? render)
    {
        Environment = environment;
        Autoescape = autoescape;
        Render = render;
    }

    /// <summary>The environment rendering the template.</summary>
    public JinjaEnvironment Environment { get; }

    /// <summary>True when the calling site autoescapes its output.</summary>
    public bool Autoescape { get; }

    /// <summary>The render in progress (null while folding constants at compile time).</summary>
    internal RenderContext? Render { get; }

    /// <summary>Creates an undefined value of the environment's kind.</summary>
    public Undefined Undefined(string? hint = null, object? obj = null, object? name = null, bool hasObject = false) =>
        Runtime.Undefined.Create(Environment.Undefined, hint, obj, name, hasObject);
}
