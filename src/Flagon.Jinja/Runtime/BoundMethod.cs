namespace Flagon.Jinja.Runtime;

/// <summary>A method of a value (<c>'a b'.split</c>, <c>d.items</c>) bound to its target, ready to call.</summary>
internal sealed class BoundMethod(object? target, string name, Func<object?[], IReadOnlyList<KeyValuePair<string, object?>>?, object?> body) : IJinjaCallable
{
    public object? Target { get; } = target;

    public string Name { get; } = name;

    public object? Call(EvalContext context, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs) => body(args, kwargs);
}
