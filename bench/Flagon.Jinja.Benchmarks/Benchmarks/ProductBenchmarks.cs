using BenchmarkDotNet.Attributes;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Benchmarks;

/// <summary>The 500-product page (100 KB of HTML).</summary>
[BenchmarkCategory("Product")]
public class ProductBenchmarks : RenderBenchmarks
{
    protected override Workload Workload => Workload.Product;
}
