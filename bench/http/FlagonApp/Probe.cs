using System.Diagnostics;
using System.Diagnostics.Tracing;
using Flagon;
using Microsoft.AspNetCore.Http;

namespace FlagonBench;

/// <summary>
/// <c>FlagonApp --probe [path…] [--count N]</c>: runs Flagon's pipeline (<see cref="FlagonApp.HandleRequestAsync"/>)
/// in-process on fresh <see cref="DefaultHttpContext"/>s, without Kestrel or sockets, and prints per request the
/// bytes allocated (exact) and the CPU time (rough), each net of building the context, so pipeline changes can be
/// compared without the noise of a shared machine. Not a benchmark of the server: wrk through run.sh is that.
/// </summary>
internal static class Probe
{
    public static int Run(FlagonApp app, string[] args)
    {
        var count = 200_000;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--count" && i + 1 < args.Length)
            {
                count = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (args[i].StartsWith('/'))
            {
                paths.Add(args[i]);
            }
        }

        if (paths.Count == 0)
        {
            paths.AddRange(["/plaintext", "/json", "/fortunes", "/hello/flagon"]);
        }

        var services = app.ServiceProvider;
        Console.WriteLine($"{"path",-14} {"bytes/req",10} {"CPU us/req",11} {"thread us",10} {"GC us/req",10} {"gen0/1/2 per 100k",18} {"status",7}");
        var (baseBytes, baseCpu, baseThread, _, _) = Measure(count, services, "/", static _ => Task.CompletedTask);
        foreach (var path in paths)
        {
            var status = 0;
            var (bytes, cpu, thread, pause, collections) = Measure(count, services, path, async context =>
            {
                await app.HandleRequestAsync(context);
                status = context.Response.StatusCode;
            });
            Console.WriteLine($"{path,-14} {bytes - baseBytes,10:F0} {(cpu - baseCpu) * 1e6,11:F2} {(thread - baseThread) * 1e6,10:F2} {pause * 1e6,10:F2} {collections,18} {status,7}");
            if (args.Contains("--alloc"))
            {
                // Which types the allocations are: the runtime's AllocationTick samples (one per ~100 KB).
                using var listener = new AllocationListener();
                for (var i = 0; i < count; i++)
                {
                    var context = NewContext(services, path);
                    app.HandleRequestAsync(context).GetAwaiter().GetResult();
                }

                foreach (var (type, ticks) in listener.Ticks.OrderByDescending(kv => kv.Value).Take(25))
                {
                    Console.WriteLine($"    {ticks,6}  {type}");
                }
            }
        }

        return 0;
    }

    private static (double Bytes, double CpuSeconds, double ThreadSeconds, double GcPauseSeconds, string Collections) Measure(int count, IServiceProvider services, string path, Func<HttpContext, Task> handle)
    {
        // Warm up (tiered JIT reaches tier 1), then measure on this thread; awaits complete synchronously
        // except for real I/O (SQLite's async API is synchronous), which the loop waits for.
        for (var i = 0; i < Math.Min(count, 50_000); i++)
        {
            handle(NewContext(services, path)).GetAwaiter().GetResult();
        }

        Thread.Sleep(200);
        var bestBytes = double.MaxValue;
        var bestCpu = double.MaxValue;
        var bestThread = double.MaxValue;
        var pause0 = GC.GetTotalPauseDuration();
        int[] gen0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        for (var round = 0; round < 10; round++)
        {
            var n = count / 10;
            var bytes0 = GC.GetAllocatedBytesForCurrentThread();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var thread0 = ThreadCpuSeconds();
            for (var i = 0; i < n; i++)
            {
                handle(NewContext(services, path)).GetAwaiter().GetResult();
            }

            var thread1 = ThreadCpuSeconds();
            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            var bytes1 = GC.GetAllocatedBytesForCurrentThread();
            bestBytes = Math.Min(bestBytes, (double)(bytes1 - bytes0) / n);
            bestCpu = Math.Min(bestCpu, (cpu1 - cpu0).TotalSeconds / n);
            bestThread = Math.Min(bestThread, (thread1 - thread0) / n);
        }

        // GC pauses and collections over all rounds (not the best one): what the allocations cost the process.
        var total = count / 10 * 10;
        var pause = (GC.GetTotalPauseDuration() - pause0).TotalSeconds / total;
        var collections = string.Join('/', Enumerable.Range(0, 3).Select(g => ((GC.CollectionCount(g) - gen0[g]) * 100_000L / total).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (bestBytes, bestCpu, bestThread, pause, collections);
    }

    // This thread's CPU time (CLOCK_THREAD_CPUTIME_ID, Linux): the pipeline runs on the measuring thread, so this leaves out
    // the GC's and other threads' time and most of a busy machine's noise; 0 elsewhere.
    private static double ThreadCpuSeconds()
        => OperatingSystem.IsLinux() && ClockGetTime(3, out var ts) == 0 ? ts.Seconds + (ts.Nanoseconds * 1e-9) : 0;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static DefaultHttpContext NewContext(IServiceProvider services, string path)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        var request = context.Request;
        request.Method = "GET";
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1", 5102);
        request.Path = path;
        request.Protocol = "HTTP/1.1";
        context.Response.Body = Stream.Null;
        return context;
    }

    private sealed class AllocationListener : EventListener
    {
        public Dictionary<string, int> Ticks { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && eventData.PayloadNames is { } names)
            {
                var type = eventData.Payload![names.IndexOf("TypeName")] as string ?? "?";
                lock (Ticks)
                {
                    Ticks[type] = Ticks.GetValueOrDefault(type) + 1;
                }
            }
        }
    }
}
