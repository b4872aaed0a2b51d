using BenchmarkDotNet.Attributes;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Benchmarks;

/// <summary>The TechEmpower fortunes table (13 rows, 1.2 KB).</summary>
[BenchmarkCategory("Fortunes")]
public class FortunesBenchmarks : RenderBenchmarks
{
    protected override Workload Workload => Workload.Fortunes;
}
