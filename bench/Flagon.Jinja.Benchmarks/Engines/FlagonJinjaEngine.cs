// Flagon.Jinja through its public API:
//   new JinjaEnvironment { Loader = ..., Autoescape = true }   environment with autoescape on
//   env.GetTemplate(name) / env.FromString(source)              parse+compile (cached / uncached)
//   Template.Render(TextWriter, object?) / Template.Render(object?)
// Each render gets a dictionary of top-level variables (as Flask's render_template(name, **vars)),
// the model's properties under snake_case keys, built once outside the timing. Nested values stay
// POCOs (product.name reads Product.Name through the engine's adapter).
using Flagon.Jinja.Benchmarks.Workloads;
using Flagon.Jinja.Loaders;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>Flagon.Jinja on the Jinja templates themselves (bench/templates/*.html), autoescape on.</summary>
public sealed class FlagonJinjaEngine : ITemplateEngine
{
    private readonly Dictionary<Workload, Dictionary<string, object?>> _variables = [];
    private readonly JinjaEnvironment _environment;
    private readonly Template _product;
    private readonly Template _fortunes;
    private readonly Template _page;
    private readonly string _pageSource;
    private readonly string _baseSource;

    public FlagonJinjaEngine(BenchData data)
    {
        foreach (var workload in Enum.GetValues<Workload>())
        {
            _variables[workload] = Variables(data.Model(workload));
        }

        var sources = new Dictionary<string, string>();
        foreach (var name in new[] { "product.html", "fortunes.html", "page.html", "base.html" })
        {
            sources[name] = TemplateSources.Read(name);
        }

        _pageSource = sources["page.html"];
        _baseSource = sources["base.html"];
        _environment = new JinjaEnvironment { Loader = new DictLoader(sources), Autoescape = true };
        _product = _environment.GetTemplate("product.html");
        _fortunes = _environment.GetTemplate("fortunes.html");
        _page = _environment.GetTemplate("page.html");
    }

    public string Name => "FlagonJinja";

    public string Render(Workload workload) => Template(workload).Render(_variables[workload]);

    public void Render(Workload workload, TextWriter writer) => Template(workload).Render(writer, _variables[workload]);

    /// <summary>Parse+compile page.html and base.html from source (what Jinja2's from_string does
    /// for each), bypassing the environment's cache.</summary>
    public object? ParsePage()
        => new[] { _environment.FromString(_pageSource), _environment.FromString(_baseSource) };

    /// <summary>The model's public properties as template variables with snake_case names.</summary>
    private static Dictionary<string, object?> Variables(object model)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in model.GetType().GetProperties())
        {
            var name = string.Concat(property.Name.Select((c, i) =>
                char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
            variables[name] = property.GetValue(model);
        }

        return variables;
    }

    private Template Template(Workload workload) => workload switch
    {
        Workload.Product => _product,
        Workload.Fortunes => _fortunes,
        Workload.Page => _page,
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };
}
