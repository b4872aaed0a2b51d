using System.Diagnostics;
using System.Text;
using Flagon.Jinja.Benchmarks.Engines;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Infrastructure;

/// <summary><c>--quick</c>: a fast, rough look while working on an engine (not a benchmark): for every
/// engine and workload, the bytes allocated per render into a reused writer (or per parse), and the best
/// of 15 timed batches of about 20 ms of CPU (process CPU time, <see cref="ProcessCpuClock"/>). The
/// engines' batches are interleaved (A B C, A B C, ...) so that a loaded machine disturbs them alike.</summary>
public static class QuickProfile
{
    /// <summary>Runs the quick look over <paramref name="engines"/> (those whose name contains
    /// <paramref name="only"/>, if given) and prints one line per engine and workload.</summary>
    public static void Run(IReadOnlyList<ITemplateEngine> engines, string? only)
    {
        var writer = new StringWriter(new StringBuilder(256 * 1024));
        var selected = engines.Where(e => only is null || e.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var workload in new[] { Workload.Product, Workload.Fortunes, Workload.Page })
        {
            var actions = new List<(string Engine, Action Action)>();
            foreach (var engine in selected)
            {
                if (workload == Workload.Page)
                {
                    if (engine.ParsePage() is not null)
                    {
                        actions.Add((engine.Name, () => engine.ParsePage()));
                    }
                }
                else
                {
                    actions.Add((engine.Name, () =>
                    {
                        writer.GetStringBuilder().Clear();
                        engine.Render(workload, writer);
                    }
                    ));
                }
            }
            string what = workload == Workload.Page ? "Parse" : workload + "/writer";
            var counts = new int[actions.Count];
            var best = new double[actions.Count];
            var allocated = new long[actions.Count];
            var clock = ProcessCpuClock.Instance;
            for (int a = 0; a < actions.Count; a++)
            {
                for (int i = 0; i < 20; i++)
                {
                    actions[a].Action();
                }
                long before = GC.GetAllocatedBytesForCurrentThread();
                actions[a].Action();
                allocated[a] = GC.GetAllocatedBytesForCurrentThread() - before;
                long start = clock.GetTimestamp();
                while (clock.GetTimestamp() - start < 20_000_000)
                {
                    actions[a].Action();
                    counts[a]++;
                }
                best[a] = double.MaxValue;
            }
            for (int round = 0; round < 15; round++)
            {
                for (int a = 0; a < actions.Count; a++)
                {
                    long start = clock.GetTimestamp();
                    for (int i = 0; i < counts[a]; i++)
                    {
                        actions[a].Action();
                    }
                    best[a] = Math.Min(best[a], (clock.GetTimestamp() - start) / 1000.0 / counts[a]);
                }
            }
            for (int a = 0; a < actions.Count; a++)
            {
                Console.WriteLine($"{actions[a].Engine,-12} {what,-16} {best[a],10:F2} us  {allocated[a],10:N0} B");
            }
        }
    }

    /// <summary><c>--spin engine workload seconds</c>: renders (or parses, workload Page) in a loop, for
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
}
