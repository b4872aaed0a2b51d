namespace Flagon.Jinja.Runtime;

/// <summary>Jinja2's <c>StrictUndefined</c>: every use except <c>is defined</c> and <c>default</c> raises.</summary>
public sealed class StrictUndefined : Undefined
{
    /// <summary>Creates the value.</summary>
    public StrictUndefined(string? hint = null, object? obj = null, object? name = null, bool hasObject = false)
        : base(hint, obj, name, hasObject) { }

    /// <inheritdoc />
    public override UndefinedKind Kind => UndefinedKind.Strict;

    /// <inheritdoc />
    public override string Render() => throw Fail();

    /// <inheritdoc />
    public override bool IsTrue() => throw Fail();

    /// <inheritdoc />
    public override void CheckIterable() => throw Fail();

    /// <inheritdoc />
    public override bool EqualsValue(object? other) => throw Fail();
}
