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
        Console.WriteLine($"{"path",-14} {"bytes/req",10} {"CPU us/req",11} {"status",7}");
        var (baseBytes, baseCpu) = Measure(count, services, "/", static _ => Task.CompletedTask);
        foreach (var path in paths)
        {
            var status = 0;
            var (bytes, cpu) = Measure(count, services, path, async context =>
            {
                await app.HandleRequestAsync(context);
                status = context.Response.StatusCode;
            });
            Console.WriteLine($"{path,-14} {bytes - baseBytes,10:F0} {(cpu - baseCpu) * 1e6,11:F2} {status,7}");
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

    private static (double Bytes, double CpuSeconds) Measure(int count, IServiceProvider services, string path, Func<HttpContext, Task> handle)
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
        for (var round = 0; round < 5; round++)
        {
            var n = count / 5;
            var bytes0 = GC.GetAllocatedBytesForCurrentThread();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < n; i++)
            {
                handle(NewContext(services, path)).GetAwaiter().GetResult();
            }

            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            var bytes1 = GC.GetAllocatedBytesForCurrentThread();
            bestBytes = Math.Min(bestBytes, (double)(bytes1 - bytes0) / n);
            bestCpu = Math.Min(bestCpu, (cpu1 - cpu0).TotalSeconds / n);
        }

        return (bestBytes, bestCpu);
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
