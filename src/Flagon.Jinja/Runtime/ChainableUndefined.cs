namespace Flagon.Jinja.Runtime;

/// <summary>Jinja2's <c>ChainableUndefined</c>: attribute and item access return the value itself.</summary>
public sealed class ChainableUndefined : Undefined
{
    /// <summary>Creates the value.</summary>
    public ChainableUndefined(string? hint = null, object? obj = null, object? name = null, bool hasObject = false)
        : base(hint, obj, name, hasObject) { }

    /// <inheritdoc />
    public override UndefinedKind Kind => UndefinedKind.Chainable;

    /// <inheritdoc />
    public override object? Lookup(object? name) => this;
}
