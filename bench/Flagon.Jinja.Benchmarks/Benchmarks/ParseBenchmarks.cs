using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Flagon.Jinja.Benchmarks.Engines;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Benchmarks;

/// <summary>Parse+compile of the realistic page from source: page.html and base.html for Jinja
/// engines, the equivalent single Liquid/Scriban template (block inheritance flattened, the macro kept)
/// for the peers. Fluid is the baseline (the target is "no slower than Fluid").</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[BenchmarkCategory("Parse")]
public class ParseBenchmarks
{
    private FluidEngine _fluid = null!;
    private ScribanEngine _scriban = null!;
    private FlagonJinjaEngine _flagon = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchData.Load();
        _fluid = new FluidEngine(data);
        _scriban = new ScribanEngine(data);
        _flagon = new FlagonJinjaEngine(data);
        CorrectnessGate.Enforce(Engines.Engines.All(data));
    }

    [Benchmark(Baseline = true)]
    public object? Fluid_Parse() => _fluid.ParsePage();

    [Benchmark]
    public object? Scriban_Parse() => _scriban.ParsePage();

    [Benchmark]
    public object? FlagonJinja_Parse() => _flagon.ParsePage();
}
