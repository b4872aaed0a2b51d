using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>
/// One part of an output statement: <see cref="Item"/> is constant text (a string), an expression
/// (<see cref="ExprFn"/>), or a writer that formats straight to the output; 16 bytes.
/// </summary>
internal readonly record struct OutputPart(object Item, int Line)
{
    /// <summary>The constant text, or null for an expression or writer.</summary>
    public string? Text => Item as string;
}

/// <summary>
/// A compiled output statement: writes its parts in order (constant text as is, expression values
/// through <see cref="Compiler.WriteValue"/>) and names the failing part's line in an error. Its
/// methods are the statement's delegate (no separate closure).
/// </summary>
internal sealed class OutputWriter(OutputPart[] parts, bool autoescape, string? templateName, int checkDepth)
{
    /// <summary>Writes the parts.</summary>
    public Flow Write(RenderContext rc, Frame f)
    {
        var all = parts;
        int i = 0;
        try
        {
            for (; i < all.Length; i++)
            {
                ref readonly var part = ref all[i];
                var item = part.Item;
                if (item is string text)
                {
                    rc.Writer.Write(text);
                }
                else if (item is ExprFn expr)
                {
                    Compiler.WriteValue(rc, expr(rc, f), autoescape);
                }
                else
                {
                    ((Action<RenderContext, Frame>)item)(rc, f);
                }
            }
        }
        catch (Exception ex) when (all[i].Item is not string && Compiler.Locate(ex, all[i].Line, templateName))
        {
            throw Compiler.Wrap(ex, all[i].Line, templateName);
        }
        return Flow.Normal;
    }

    /// <summary>Writes the parts unless the template has extended another (a child's top-level output is dropped).</summary>
    public Flow WriteUnlessExtended(RenderContext rc, Frame f)
        => f.Up(checkDepth).Slots[0] is not null ? Flow.Normal : Write(rc, f);
}
