namespace Flagon.Jinja.Runtime;

/// <summary>
/// Anything a template can call with Jinja's convention: positional arguments and ordered keyword
/// arguments, plus the calling site's <see cref="EvalContext"/> (environment and autoescape state).
/// </summary>
public interface IJinjaCallable
{
    /// <summary>Calls the value.</summary>
    object? Call(EvalContext context, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs);
}
