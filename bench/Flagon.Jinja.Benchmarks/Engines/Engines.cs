using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>Every engine the benchmark knows.</summary>
public static class Engines
{
    public static IReadOnlyList<ITemplateEngine> All(BenchData data) =>
    [
        new HandWrittenEngine(data),
        new FluidEngine(data),
        new ScribanEngine(data),
        new FlagonJinjaEngine(data),
    ];
}
