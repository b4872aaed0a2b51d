namespace Flagon.Jinja.Runtime;

/// <summary><c>self</c>: gives access to the blocks of the template being rendered.</summary>
internal sealed class TemplateReference(RenderContext context) : IJinjaAttributes, IJinjaRepr
{
    public bool TryGetAttribute(string name, out object? value)
    {
        if (context.Blocks.TryGetValue(name, out var stack))
        {
            value = new BlockReference(name, context, stack, 0);
            return true;
        }
        value = null;
        return false;
    }

    public string Repr() => "<TemplateReference>";
}
