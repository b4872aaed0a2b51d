using System.Diagnostics;
using System.Text;
using Flagon.Jinja.Benchmarks.Engines;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Infrastructure;

/// <summary><c>--quick</c>: a fast, rough look while working on an engine (not a benchmark): for every
/// engine and workload, the bytes allocated per render into a reused writer and per parse, and the
/// best of a few timed batches, timed by process CPU time (<see cref="ProcessCpuClock"/>), so waiting for
/// a CPU on a loaded machine is not counted.</summary>
public static class QuickProfile
{
    /// <summary>Runs the quick look over <paramref name="engines"/> and prints one line per measurement.</summary>
    public static void Run(IReadOnlyList<ITemplateEngine> engines, string? only)
    {
        var writer = new StringWriter(new StringBuilder(256 * 1024));
        foreach (var engine in engines)
        {
            if (only is not null && !engine.Name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var workload in new[] { Workload.Product, Workload.Fortunes })
            {
                void Once()
                {
                    writer.GetStringBuilder().Clear();
                    engine.Render(workload, writer);
                }

                Report(engine.Name, workload + "/writer", Once);
            }
            if (engine.ParsePage() is not null)
            {
                Report(engine.Name, "Parse", () => engine.ParsePage());
            }
        }
    }

    /// <summary><c>--spin engine workload seconds</c>: renders (or parses, workload Parse) in a loop, for
    /// attaching a profiler (dotnet-trace, dotnet-counters).</summary>
    public static void Spin(IReadOnlyList<ITemplateEngine> engines, string engineName, string workloadName, double seconds)
    {
        var engine = engines.Single(e => e.Name.Equals(engineName, StringComparison.OrdinalIgnoreCase));
        var workload = Enum.Parse<Workload>(workloadName, ignoreCase: true);
        var writer = new StringWriter(new StringBuilder(256 * 1024));
        var sw = Stopwatch.StartNew();
        long n = 0;
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            if (workload == Workload.Page)
            {
                engine.ParsePage();
            }
            else
            {
                writer.GetStringBuilder().Clear();
                engine.Render(workload, writer);
            }
            n++;
        }
        Console.WriteLine($"{engine.Name} {workload}: {n} operations in {sw.Elapsed.TotalSeconds:F1} s");
    }

    private static void Report(string engine, string what, Action action)
    {
        for (int i = 0; i < 20; i++)
        {
            action();
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // Batches of about 20 ms of CPU; the best batch is the least disturbed by other work.
        var clock = ProcessCpuClock.Instance;
        long start = clock.GetTimestamp();
        int n = 0;
        while (clock.GetTimestamp() - start < 20_000_000)
        {
            action();
            n++;
        }
        double best = double.MaxValue;
        for (int batch = 0; batch < 15; batch++)
        {
            start = clock.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                action();
            }
            best = Math.Min(best, (clock.GetTimestamp() - start) / 1000.0 / n);
        }
        Console.WriteLine($"{engine,-12} {what,-16} {best,10:F2} us  {allocated,10:N0} B");
    }
}
