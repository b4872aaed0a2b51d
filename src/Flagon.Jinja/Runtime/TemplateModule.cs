namespace Flagon.Jinja.Runtime;

/// <summary>An imported template: its exported macros and variables as attributes; str() is its rendered body.</summary>
internal sealed class TemplateModule(string? name, PyDict exports, string body) : IJinjaAttributes, IJinjaRepr
{
    public string? Name { get; } = name;

    public PyDict Exports { get; } = exports;

    public bool TryGetAttribute(string attr, out object? value) => Exports.TryGetValue(attr, out value);

    public string Repr() => Name is null ? "<TemplateModule>" : $"<Template {Ops.Repr(Name)}>";

    public override string ToString() => body;
}
