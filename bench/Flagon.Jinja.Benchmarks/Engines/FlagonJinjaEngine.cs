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
// Models are the POCOs in Model/ (PascalCase properties; templates use snake_case names).
// =====================================================================================
using Flagon.Jinja.Benchmarks.Workloads;
using Flagon.Jinja.Loaders;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>Flagon.Jinja on the Jinja templates themselves (bench/templates/*.html), autoescape on.</summary>
public sealed class FlagonJinjaEngine : ITemplateEngine
{
    private readonly BenchData _data;
    private readonly JinjaEnvironment _environment;
    private readonly Template _product;
    private readonly Template _fortunes;
    private readonly Template _page;
    private readonly string _pageSource;
    private readonly string _baseSource;

    public FlagonJinjaEngine(BenchData data)
    {
        _data = data;
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

    public string Render(Workload workload) => Template(workload).Render(_data.Model(workload));

    public void Render(Workload workload, TextWriter writer) => Template(workload).Render(writer, _data.Model(workload));

    /// <summary>Parse+compile page.html and base.html from source (what Jinja2's from_string does
    /// for each), bypassing the environment's cache.</summary>
    public object? ParsePage()
        => new[] { _environment.FromString(_pageSource), _environment.FromString(_baseSource) };

    private Template Template(Workload workload) => workload switch
    {
        Workload.Product => _product,
        Workload.Fortunes => _fortunes,
        Workload.Page => _page,
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };
}
