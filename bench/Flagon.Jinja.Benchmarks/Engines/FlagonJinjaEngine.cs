// =====================================================================================
// THE FLAGON.JINJA SEAM.
// This file is compiled only with `-p:WithFlagon=true` (see Flagon.Jinja.Benchmarks.csproj),
// which also adds the ProjectReference to src/Flagon.Jinja and defines WITH_FLAGON (that turns on
// the FlagonJinja benchmark methods and adds this engine to the correctness gate).
// It uses the engine's planned public API; if the merged names differ, adapt this file only:
//   new JinjaEnvironment { Loader = ..., Autoescape = true }   environment with autoescape on
//   new DictLoader(IDictionary<string, string>)                 base.html for {% extends %}
//   env.GetTemplate(string name) -> Template                    loads, parses, compiles, caches
//   env.FromString(string source) -> Template                   parses and compiles, no cache
//   Template.Render(TextWriter writer, object? model)           renders into a writer
//   Template.Render(object? model) -> string                    convenience over the writer form
// Each render gets a dictionary of top-level variables (as Flask's render_template(name, **vars)):
// the engine maps a POCO context's properties by their exact names, so `products` would not find
// `Products`; below the model's properties are turned into snake_case keys once, outside the timing.
// Nested values stay POCOs (product.name reads Product.Name through the engine's adapter).
// Checked against engine-core fd0cf46: these names exist there.
// =====================================================================================
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
