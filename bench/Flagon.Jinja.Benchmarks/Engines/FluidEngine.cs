using Flagon.Jinja.Benchmarks.Model;
using Flagon.Jinja.Benchmarks.Workloads;
using Fluid;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>Fluid (Liquid): templates under bench/templates/liquid/, escaping through
/// <see cref="MarkupSafeEncoder"/>, a fresh TemplateContext per render over shared options
/// (as Fluid's own benchmark does).</summary>
public sealed class FluidEngine : ITemplateEngine
{
    // AllowFunctions enables {% macro %}, which the page template uses.
    private static readonly FluidParser _parser = new(new FluidParserOptions { AllowFunctions = true });

    private readonly BenchData _data;
    private readonly TemplateOptions _options;
    private readonly IFluidTemplate _product;
    private readonly IFluidTemplate _fortunes;
    private readonly IFluidTemplate _page;
    private readonly string _pageSource;

    public FluidEngine(BenchData data)
    {
        _data = data;
        _options = new TemplateOptions();
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        _options.MemberAccessStrategy.Register<ProductPage>();
        _options.MemberAccessStrategy.Register<Product>();
        _options.MemberAccessStrategy.Register<FortunesPage>();
        _options.MemberAccessStrategy.Register<Fortune>();
        _options.MemberAccessStrategy.Register<PageData>();
        _options.MemberAccessStrategy.Register<Site>();
        _options.MemberAccessStrategy.Register<NavItem>();
        _options.MemberAccessStrategy.Register<PageInfo>();
        _options.MemberAccessStrategy.Register<Post>();
        _product = Parse(TemplateSources.Read("liquid/product.liquid"));
        _fortunes = Parse(TemplateSources.Read("liquid/fortunes.liquid"));
        _pageSource = TemplateSources.Read("liquid/page.liquid");
        _page = Parse(_pageSource);
    }

    public string Name => "Fluid";

    public string Render(Workload workload)
        => Template(workload).Render(new TemplateContext(_data.Model(workload), _options), MarkupSafeEncoder.Instance);

    public void Render(Workload workload, TextWriter writer)
    {
        // IFluidTemplate.RenderAsync completes synchronously here (no async filters or values).
        var pending = Template(workload).RenderAsync(writer, MarkupSafeEncoder.Instance, new TemplateContext(_data.Model(workload), _options));
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }

    public object? ParsePage() => Parse(_pageSource);

    private static IFluidTemplate Parse(string source)
        => _parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException("Fluid parse error: " + error);

    private IFluidTemplate Template(Workload workload) => workload switch
    {
        Workload.Product => _product,
        Workload.Fortunes => _fortunes,
        Workload.Page => _page,
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };
}
