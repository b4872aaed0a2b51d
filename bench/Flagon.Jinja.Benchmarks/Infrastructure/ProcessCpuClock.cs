using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace Flagon.Jinja.Benchmarks.Infrastructure;

/// <summary>A BenchmarkDotNet clock that counts this process's CPU time (Linux
/// CLOCK_PROCESS_CPUTIME_ID, nanoseconds) instead of wall time.</summary>
/// <remarks>
/// On a machine shared with other work, wall time includes the time the benchmark waited for a CPU;
/// CPU time does not, so it stays comparable between runs taken under different load. It still
/// counts the work the benchmark causes on other threads of the process (background GC, tiered JIT).
/// Opt in with <c>--cpu-clock</c> (see Program).
/// </remarks>
public sealed partial class ProcessCpuClock : IClock
{
    public static readonly ProcessCpuClock Instance = new();

    private const int ClockProcessCpuTimeId = 2;

    public string Title => "ProcessCpuTime";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => new(1_000_000_000d);

    public long GetTimestamp()
    {
        if (ClockGetTime(ClockProcessCpuTimeId, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
        }

        return (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
