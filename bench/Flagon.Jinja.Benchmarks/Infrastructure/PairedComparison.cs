using System.Diagnostics;
using System.Text;
using Flagon.Jinja.Benchmarks.Engines;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Infrastructure;

/// <summary><c>--pairs engineA engineB workload [pairs]</c>: a ratio that survives a loaded machine. Short
/// batches of A and B alternate (A B, A B, ...), so a burst of other work hits both sides of a pair alike;
/// prints each side's best batch, the ratio of the bests, and the median (and quartiles) of the per-pair
/// ratios B/A, plus the bytes allocated per operation. Not a benchmark: a check while working.</summary>
public static class PairedComparison
{
    /// <summary>Runs <paramref name="pairs"/> interleaved pairs of batches of the two engines on <paramref name="workloadName"/>
    /// (Page: parse+compile; otherwise a render into a reused writer).</summary>
    public static void Run(IReadOnlyList<ITemplateEngine> engines, string a, string b, string workloadName, int pairs)
    {
        var workload = Enum.Parse<Workload>(workloadName, ignoreCase: true);
        var first = Operation(engines, a, workload);
        var second = Operation(engines, b, workload);
        // Warm-up (about 2 s, so tiered compilation settles), then batches of about 1 ms of the first
        // engine's time (at least one operation).
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < 2)
        {
            first();
            second();
        }
        sw.Restart();
        int probe = 0;
        while (sw.Elapsed.TotalMilliseconds < 20)
        {
            first();
            probe++;
        }
        int n = Math.Max(1, (int)(probe / 20.0));
        long bytesA = Allocated(first);
        long bytesB = Allocated(second);
        var ratios = new double[pairs];
        double bestA = double.MaxValue;
        double bestB = double.MaxValue;
        for (int p = 0; p < pairs; p++)
        {
            double ta = Batch(first, n);
            double tb = Batch(second, n);
            ratios[p] = tb / ta;
            bestA = Math.Min(bestA, ta);
            bestB = Math.Min(bestB, tb);
        }
        Array.Sort(ratios);
        Console.WriteLine($"{workload}: {a} best {bestA:F2} us, {bytesA:N0} B | {b} best {bestB:F2} us, {bytesB:N0} B");
        Console.WriteLine($"{b}/{a}: ratio of bests {bestB / bestA:F3}, median pair ratio {ratios[pairs / 2]:F3} (quartiles {ratios[pairs / 4]:F3}-{ratios[pairs * 3 / 4]:F3}; {pairs} pairs of {n})");
    }

    private static Action Operation(IReadOnlyList<ITemplateEngine> engines, string name, Workload workload)
    {
        var engine = engines.Single(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (workload == Workload.Page)
        {
            return () => engine.ParsePage();
        }
        var writer = new StringWriter(new StringBuilder(256 * 1024));
        return () =>
        {
            writer.GetStringBuilder().Clear();
            engine.Render(workload, writer);
        };
    }

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Microseconds per operation over one batch of <paramref name="n"/> operations.</summary>
    private static double Batch(Action action, int n)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++)
        {
            action();
        }
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
    }
}
