namespace Flagon.Jinja.Runtime;

/// <summary>A runtime object exposing named attributes to templates (loop, macro, namespace, module…).</summary>
public interface IJinjaAttributes
{
    /// <summary>Looks up an attribute; false when the object has none of that name.</summary>
    bool TryGetAttribute(string name, out object? value);
}
