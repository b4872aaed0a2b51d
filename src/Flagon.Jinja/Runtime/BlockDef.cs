namespace Flagon.Jinja.Runtime;

/// <summary>A compiled block of a template: renders itself into the context's writer.</summary>
internal sealed class BlockDef(string name, string? templateName, Action<RenderContext, BlockDef, IReadOnlyDictionary<string, object?>?> render)
{
    public string Name { get; } = name;

    public string? TemplateName { get; } = templateName;

    public void Render(RenderContext rc, IReadOnlyDictionary<string, object?>? scopedLocals) => render(rc, this, scopedLocals);
}
