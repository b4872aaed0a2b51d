namespace Flagon.Jinja.Runtime;

/// <summary>Jinja's <c>namespace()</c>: the one object <c>{% set ns.attr = … %}</c> may write to.</summary>
public sealed class Namespace : IJinjaAttributes, IJinjaRepr
{
    /// <summary>The attributes, in insertion order.</summary>
    public PyDict Attributes { get; } = new();

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value) => Attributes.TryGetValue(name, out value);

    /// <summary>Sets an attribute.</summary>
    public void Set(string name, object? value) => Attributes[name] = value;

    string IJinjaRepr.Repr() => "<Namespace " + Ops.Repr(Attributes) + ">";

    /// <inheritdoc />
    public override string ToString() => ((IJinjaRepr)this).Repr();
}
