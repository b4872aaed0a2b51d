using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// A Python method bound to its receiver, as <c>'a b'.split</c> evaluates in a template: call it with
/// <see cref="Invoke(object?[], IReadOnlyList{KeyValuePair{string, object?}}?)"/>. Obtained from <see cref="PyMethods.TryGetMethod"/>; immutable and cheap (one
/// small object holding the receiver and a shared, stateless implementation).
/// </summary>
public sealed class PyMethod
{
    private readonly PyMethods.Impl _impl;

    internal PyMethod(object self, string name, string qualifiedName, PyMethods.Impl impl, bool mutates)
    {
        Self = self;
        Name = name;
        QualifiedName = qualifiedName;
        _impl = impl;
        Mutates = mutates;
    }

    /// <summary>The receiver (the string, list or dictionary the method belongs to).</summary>
    public object Self { get; }

    /// <summary>The method name, for example <c>split</c>.</summary>
    public string Name { get; }

    /// <summary>The Python qualified name, for example <c>str.split</c>.</summary>
    public string QualifiedName { get; }

    /// <summary>Whether calling it changes the receiver (refused by an immutable sandbox).</summary>
    public bool Mutates { get; }

    /// <summary>Calls the method with positional <paramref name="args"/> and optional keyword arguments, with Python's results and errors.</summary>
    public object? Invoke(object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs = null) =>
        _impl(Self, new PyMethods.CallArgs(args, kwargs, Name, QualifiedName));

    /// <summary>Calls the method from a template: <c>str.format</c> looks attributes and items up through <paramref name="context"/> (and its sandbox).</summary>
    public object? Invoke(object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs, EvalContext context) =>
        _impl(Self, new PyMethods.CallArgs(args, kwargs, Name, QualifiedName, context));

    /// <summary>Python's repr of a bound built-in method (without the address).</summary>
    public override string ToString() => $"<built-in method {Name} of {PyOps.TypeName(Self)} object>";
}
