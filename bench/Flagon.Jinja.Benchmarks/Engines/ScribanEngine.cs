using Flagon.Jinja.Benchmarks.Workloads;
using Scriban;
using Scriban.Runtime;
// Flagon.Jinja.Template would win over a using-imported Scriban.Template inside this namespace.
using ScribanTemplate = Scriban.Template;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>Scriban: templates under bench/templates/scriban/. Scriban has no autoescape, so every
/// output is piped through <c>h</c>, a markupsafe-compatible function (Scriban's html.escape writes
/// &amp;quot; where Jinja2 writes &amp;#34;). A fresh TemplateContext per render.</summary>
public sealed class ScribanEngine : ITemplateEngine
{
    private readonly ScribanTemplate _product;
    private readonly ScribanTemplate _fortunes;
    private readonly ScribanTemplate _page;
    private readonly string _pageSource;
    private readonly ScriptObject _productGlobals;
    private readonly ScriptObject _fortunesGlobals;
    private readonly ScriptObject _pageGlobals;

    public ScribanEngine(BenchData data)
    {
        _product = Parse(TemplateSources.Read("scriban/product.scriban"));
        _fortunes = Parse(TemplateSources.Read("scriban/fortunes.scriban"));
        _pageSource = TemplateSources.Read("scriban/page.scriban");
        _page = Parse(_pageSource);
        _productGlobals = Globals(data.Products);
        _fortunesGlobals = Globals(data.Fortunes);
        _pageGlobals = Globals(data.Page);
    }

    public string Name => "Scriban";

    public string Render(Workload workload)
    {
        var context = new TemplateContext();
        context.PushGlobal(Globals(workload));
        return Template(workload).Render(context);
    }

    public void Render(Workload workload, TextWriter writer)
    {
        var context = new TemplateContext();
        context.PushOutput(new TextWriterOutput(writer));
        context.PushGlobal(Globals(workload));
        Template(workload).Render(context);
    }

    public object? ParsePage() => Parse(_pageSource);

    private static ScribanTemplate Parse(string source)
    {
        var template = ScribanTemplate.Parse(source);
        return template.HasErrors
            ? throw new InvalidOperationException("Scriban parse error: " + string.Join("; ", template.Messages))
            : template;
    }

    private static ScriptObject Globals(object model)
    {
        var globals = new ScriptObject();
        globals.Import(model);
        globals.Import("h", new Func<string?, string>(value => value is null ? "" : MarkupSafe.Escape(value)));
        return globals;
    }

    private ScribanTemplate Template(Workload workload) => workload switch
    {
        Workload.Product => _product,
        Workload.Fortunes => _fortunes,
        Workload.Page => _page,
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };

    private ScriptObject Globals(Workload workload) => workload switch
    {
        Workload.Product => _productGlobals,
        Workload.Fortunes => _fortunesGlobals,
        Workload.Page => _pageGlobals,
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };
}
