using Flagon.Jinja.Python;

namespace Flagon.Jinja.Runtime;

/// <summary>A method of a value (<c>'a b'.split</c>, <c>d.items</c>) bound to its target, ready to call.</summary>
internal sealed class BoundMethod : IJinjaCallable, IJinjaRepr
{
    private readonly Func<object?[], IReadOnlyList<KeyValuePair<string, object?>>?, object?>? _body;
    private readonly PyMethod? _method;

    public BoundMethod(object? target, string name, Func<object?[], IReadOnlyList<KeyValuePair<string, object?>>?, object?> body)
    {
        Target = target;
        Name = name;
        _body = body;
    }

    /// <summary>A Python method of a str, list, tuple or dict; called with the render's context (for <c>str.format</c>'s lookups).</summary>
    public BoundMethod(object? target, string name, PyMethod method)
    {
        Target = target;
        Name = name;
        _method = method;
    }

    public object? Target { get; }

    public string Name { get; }

    /// <summary>Python's repr without the address: <c>&lt;built-in method upper of str object&gt;</c>.</summary>
    public string Repr() => _method is not null
        ? $"<built-in method {Name} of {Ops.TypeName(Target)} object>"
        : $"<bound method {Ops.TypeName(Target)}.{Name}>";

    public object? Call(EvalContext context, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs) =>
        _method is not null ? _method.Invoke(args, kwargs, context) : _body!(args, kwargs);
}
