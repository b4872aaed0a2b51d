using Flagon.Jinja;

namespace Flagon.Templating;

/// <summary>
/// The payload of <see cref="Signals.FlagonSignals.BeforeRenderTemplate"/> and <see cref="Signals.FlagonSignals.TemplateRendered"/>
/// (Flask's <c>before_render_template</c> and <c>template_rendered</c> signals): the template and its full context. The app is the sender.
/// </summary>
public sealed class TemplateRenderEventArgs(Template template, IDictionary<string, object?> context) : EventArgs
{
    /// <summary>The template being rendered.</summary>
    public Template Template { get; } = template;

    /// <summary>The context after context processors ran; handlers of the "before" event may still change it.</summary>
    public IDictionary<string, object?> Context { get; } = context;
}
