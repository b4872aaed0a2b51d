namespace Flagon.Jinja.Runtime;

/// <summary>Jinja2's <c>DebugUndefined</c>: prints a <c>{{ … }}</c> marker naming what was missing.</summary>
public sealed class DebugUndefined : Undefined
{
    /// <summary>Creates the value.</summary>
    public DebugUndefined(string? hint = null, object? obj = null, object? name = null, bool hasObject = false)
        : base(hint, obj, name, hasObject) { }

    /// <inheritdoc />
    public override UndefinedKind Kind => UndefinedKind.Debug;

    /// <inheritdoc />
    public override string Render()
    {
        string message = Hint is not null ? $"undefined value printed: {Hint}"
            : !HasObject ? Ops.Str(Name)
            : $"no such element: {Ops.ObjectTypeRepr(Object)}[{Ops.Repr(Name)}]";
        return "{{ " + message + " }}";
    }
}
