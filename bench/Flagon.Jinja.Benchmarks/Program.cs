using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Flagon.Jinja.Benchmarks.Engines;
using Flagon.Jinja.Benchmarks.Infrastructure;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks;

/// <summary>Entry point. <c>--check</c> runs only the correctness gate; anything else goes to
/// BenchmarkDotNet (e.g. <c>--filter '*' --job short</c>) after the gate has passed.
/// <c>--quick [engine]</c> prints a rough time and allocation per render (for working on an engine).
/// <c>--spin engine workload seconds</c> loops one engine for a profiler (workload Page: parse).
/// <c>--pairs engineA engineB workload [pairs]</c> interleaves short batches of two engines and prints
/// the median per-pair time ratio (for loaded machines).
/// <c>--cpu-clock</c> runs an in-process job (3 warm-ups, 10 iterations) timed by process CPU time
/// instead (for loaded machines).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        var checkOnly = args.Contains("--check");
        var data = BenchData.Load();
        var engines = Engines.Engines.All(data);
        Console.WriteLine($"bench folder: {BenchPaths.Root}");
        Console.WriteLine($"engines: {string.Join(", ", engines.Select(e => e.Name))}");
        var failures = CorrectnessGate.Check(engines, checkOnly ? Console.Out : null);
        if (failures.Count > 0)
        {
            Console.Error.WriteLine("Correctness gate FAILED: nothing is timed.");
            foreach (var failure in failures)
            {
                Console.Error.WriteLine(failure);
            }

            return 1;
        }

        Console.WriteLine("Correctness gate passed: every engine matches Jinja2's output byte for byte.");
        if (checkOnly)
        {
            return 0;
        }

        int spin = Array.IndexOf(args, "--spin");
        if (spin >= 0)
        {
            QuickProfile.Spin(engines, args[spin + 1], args[spin + 2], double.Parse(args[spin + 3], CultureInfo.InvariantCulture));
            return 0;
        }

        int pairs = Array.IndexOf(args, "--pairs");
        if (pairs >= 0)
        {
            PairedComparison.Run(engines, args[pairs + 1], args[pairs + 2], args[pairs + 3],
                pairs + 4 < args.Length ? int.Parse(args[pairs + 4], CultureInfo.InvariantCulture) : 300);
            return 0;
        }

        int quick = Array.IndexOf(args, "--quick");
        if (quick >= 0)
        {
            QuickProfile.Run(engines, quick + 1 < args.Length ? args[quick + 1] : null);
            return 0;
        }

        // Min is the statistic least disturbed by other work on the machine (bench.py reports the best too).
        IConfig config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min, StatisticColumn.OperationsPerSecond);
        if (args.Contains("--cpu-clock"))
        {
            // In process, timed by this process's CPU time: for shared, loaded machines.
            config = config.AddJob(Job.Default
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithLaunchCount(1)
                .WithClock(ProcessCpuClock.Instance)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("CpuClock"));
            args = [.. args.Where(a => a != "--cpu-clock")];
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
