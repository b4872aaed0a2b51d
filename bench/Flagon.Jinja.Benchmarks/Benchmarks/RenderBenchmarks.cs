using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Flagon.Jinja.Benchmarks.Engines;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Benchmarks;

/// <summary>Renders one workload with every engine, two ways: to a new string (category String) and
/// into a reused writer (category Writer). The hand-written renderer is the baseline of each.</summary>
/// <remarks>The reused writer is a StringWriter over a pre-sized StringBuilder cleared before each
/// render: what a server does when it renders straight into a pooled response buffer.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class RenderBenchmarks
{
    private HandWrittenEngine _handWritten = null!;
    private FluidEngine _fluid = null!;
    private ScribanEngine _scriban = null!;
    private FlagonJinjaEngine _flagon = null!;
    private StringWriter _writer = null!;

    protected abstract Workload Workload { get; }

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchData.Load();
        _handWritten = new HandWrittenEngine(data);
        _fluid = new FluidEngine(data);
        _scriban = new ScribanEngine(data);
        _flagon = new FlagonJinjaEngine(data);
        // Nothing is timed unless its output is byte-identical to Jinja2's.
        CorrectnessGate.Enforce(Engines.Engines.All(data));
        _writer = new StringWriter(new StringBuilder(256 * 1024));
    }

    [BenchmarkCategory("String"), Benchmark(Baseline = true)]
    public string HandWritten_String() => _handWritten.Render(Workload);

    [BenchmarkCategory("String"), Benchmark]
    public string Fluid_String() => _fluid.Render(Workload);

    [BenchmarkCategory("String"), Benchmark]
    public string Scriban_String() => _scriban.Render(Workload);

    [BenchmarkCategory("String"), Benchmark]
    public string FlagonJinja_String() => _flagon.Render(Workload);

    [BenchmarkCategory("Writer"), Benchmark(Baseline = true)]
    public int HandWritten_Writer() => Into(_handWritten);

    [BenchmarkCategory("Writer"), Benchmark]
    public int Fluid_Writer() => Into(_fluid);

    [BenchmarkCategory("Writer"), Benchmark]
    public int Scriban_Writer() => Into(_scriban);

    [BenchmarkCategory("Writer"), Benchmark]
    public int FlagonJinja_Writer() => Into(_flagon);

    private int Into(ITemplateEngine engine)
    {
        var builder = _writer.GetStringBuilder();
        builder.Clear();
        engine.Render(Workload, _writer);
        return builder.Length;
    }
}
