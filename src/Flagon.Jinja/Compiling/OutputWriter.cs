using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>One part of an output statement: constant text, an expression, or a writer that formats straight to the output.</summary>
internal readonly record struct OutputPart(string? Text, ExprFn? Expr, Action<RenderContext, Frame>? Writer, int Line);

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
                if (part.Text is { } text)
                {
                    rc.Writer.Write(text);
                }
                else if (part.Writer is { } write)
                {
                    write(rc, f);
                }
                else
                {
                    Compiler.WriteValue(rc, part.Expr!(rc, f), autoescape);
                }
            }
        }
        catch (TemplateError ex) when (all[i].Text is null && ex.LineNumber is null)
        {
            ex.LineNumber = all[i].Line;
            ex.TemplateName ??= templateName;
            throw;
        }
        catch (Exception ex) when (all[i].Text is null && ex is not TemplateError and not OperationCanceledException)
        {
            throw Compiler.Wrap(ex, all[i].Line, templateName);
        }
        return Flow.Normal;
    }

    /// <summary>Writes the parts unless the template has extended another (a child's top-level output is dropped).</summary>
    public Flow WriteUnlessExtended(RenderContext rc, Frame f)
        => f.Up(checkDepth).Slots[0] is not null ? Flow.Normal : Write(rc, f);
}
