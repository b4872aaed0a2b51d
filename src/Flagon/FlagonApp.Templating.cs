using Flagon.Jinja;
using Flagon.Signals;
using Flagon.Templating;

namespace Flagon;

// Templates (Flask's templating members of the app object); the logic lives in Flagon.Templating.FlagonTemplating.
public partial class FlagonApp
{
    private readonly List<Func<object?>> _templateContextProcessors = [];
    private JinjaEnvironment? _jinjaEnvironment;

    /// <summary>The app's Jinja environment (Flask's <c>app.jinja_env</c>), created on first use by <see cref="CreateJinjaEnvironment"/>.</summary>
    public JinjaEnvironment JinjaEnvironment => _jinjaEnvironment ?? LazyInitializer.EnsureInitialized(ref _jinjaEnvironment, CreateJinjaEnvironment);

    /// <summary>The functions whose results are merged into every template context (Flask's <c>template_context_processors</c>).</summary>
    public IReadOnlyList<Func<object?>> TemplateContextProcessors => _templateContextProcessors;

    /// <summary>Builds the Jinja environment (Flask's <c>create_jinja_environment</c>); override to change options or add globals.</summary>
    public virtual JinjaEnvironment CreateJinjaEnvironment() => FlagonTemplating.CreateEnvironment(this);

    /// <summary>Whether a template is autoescaped (Flask's <c>select_jinja_autoescape</c>): string templates and .html/.htm/.xml/.xhtml/.svg files.</summary>
    public virtual bool SelectJinjaAutoescape(string? fileName)
        => fileName is null || FlagonTemplating.AutoescapeExtensions.Any(ext => fileName.EndsWith(ext, StringComparison.Ordinal));

    /// <summary>Registers a context processor: its result (a dictionary or an object's properties) is merged into every template context.</summary>
    public FlagonApp ContextProcessor(Func<object?> processor)
    {
        CheckSetup(nameof(ContextProcessor));
        _templateContextProcessors.Add(processor);
        return this;
    }

    /// <summary>Registers a template filter (Flask's <c>add_template_filter</c>): the first parameter gets the filtered value.</summary>
    public FlagonApp TemplateFilter(string name, Delegate filter)
    {
        CheckSetup(nameof(TemplateFilter));
        JinjaEnvironment.Filters.Add(name, filter);
        return this;
    }

    /// <summary>Registers a template test (Flask's <c>add_template_test</c>), used as <c>{% if x is name %}</c>.</summary>
    public FlagonApp TemplateTest(string name, Delegate test)
    {
        CheckSetup(nameof(TemplateTest));
        JinjaEnvironment.Tests.Add(name, test);
        return this;
    }

    /// <summary>Registers a template global (Flask's <c>add_template_global</c>): a value, or a delegate templates can call.</summary>
    public FlagonApp TemplateGlobal(string name, object? value)
    {
        CheckSetup(nameof(TemplateGlobal));
        JinjaEnvironment.Globals[name] = value;
        return this;
    }

    internal void OnBeforeRenderTemplate(Template template, IDictionary<string, object?> context)
    {
        if (FlagonSignals.BeforeRenderTemplate.HasReceivers)
        {
            FlagonSignals.BeforeRenderTemplate.Send(this, new TemplateRenderEventArgs(template, context));
        }
    }

    internal void OnTemplateRendered(Template template, IDictionary<string, object?> context)
    {
        if (FlagonSignals.TemplateRendered.HasReceivers)
        {
            FlagonSignals.TemplateRendered.Send(this, new TemplateRenderEventArgs(template, context));
        }
    }
}
