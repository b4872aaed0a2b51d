namespace Flagon.Jinja.Runtime;

/// <summary>Jinja's <c>cycler(*items)</c>: <c>next()</c>, <c>current</c>, <c>reset()</c>.</summary>
internal sealed class Cycler(object?[] items) : IJinjaAttributes
{
    private int _pos;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "current" => items[_pos],
            "items" => new PyTuple(items),
            "next" => new BoundMethod(this, "next", (a, k) =>
            {
                var rv = items[_pos];
                _pos = (_pos + 1) % items.Length;
                return rv;
            }),
            "reset" => new BoundMethod(this, "reset", (a, k) =>
            {
                _pos = 0;
                return null;
            }),
            _ => null,
        };
        return name is "current" or "items" or "next" or "reset";
    }
}
