using System.Runtime.CompilerServices;
using Flagon.Signals;
using Flagon.Testing;
using Microsoft.Extensions.Logging;

namespace Flagon.Tests;

/// <summary>A disposed app is garbage: nothing process-wide (statics, signals, async locals, caches, timers) keeps it alive.</summary>
public class AppLifetimeTests
{
    public static TheoryData<string> Scenarios() => ["plain", "async", "template", "file-template", "stream", "error", "debug-error", "session", "json", "not-found", "signal", "cli", "app-context", "never-served", "capturing-receiver"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ADisposedAppIsCollected(string scenario)
    {
        var app = ServeAndDispose(scenario);
        // The client can see a whole response while the server still finishes the request (teardown,
        // signals), which holds the app for a moment: collect until it is gone, for up to two seconds.
        for (var attempt = 0; attempt < 40 && app.IsAlive; attempt++)
        {
            Collect();
            if (app.IsAlive)
            {
                Thread.Sleep(50);
            }
        }
        Assert.False(app.IsAlive, $"A disposed FlagonApp ({scenario}) is still reachable.");
    }

    [Fact]
    public void AStrongReferenceIsSeen()
    {
        // The check can fail: a receiver whose closure holds the app, connected without a sender, keeps it alive.
        FlagonApp? held = null;
        var (weak, subscription) = ConnectHolding(a => held = a);
        Collect();
        Assert.True(weak.IsAlive);
        subscription.Dispose();
        held = null;
        Collect();
        Assert.False(weak.IsAlive);
        GC.KeepAlive(held);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference, IDisposable) ConnectHolding(Action<FlagonApp> keep)
    {
        var app = TestApps.New();
        var subscription = FlagonSignals.AppContextPopped.Connect((_, _) => keep(app));
        app.Dispose();
        return (new WeakReference(app), subscription);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ServeAndDispose(string scenario)
    {
        var root = Path.Combine(Path.GetTempPath(), "flagon-lifetime-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "templates"));
        File.WriteAllText(Path.Combine(root, "templates", "page.html"), "{% for i in range(3) %}{{ i }}{{ g.x }}{% endfor %}{{ url_for('index') }}");
        var app = TestApps.New(rootPath: root);
        app.SecretKey = "dev";
        app.Debug = scenario == "debug-error";
        app.Config["SERVER_NAME"] = scenario == "app-context" ? "localhost" : null;
        app.Config["TEMPLATES_AUTO_RELOAD"] = true;
        app.Get("/", () => "ok", endpoint: "index");
        app.Get("/async", async () =>
        {
            await Task.Yield();
            return "ok";
        }, endpoint: "async");
        app.Get("/template", () => Globals.RenderTemplateString("{{ g.x }}{{ url_for('index') }}{{ session.get('a') }}{{ request.path }}{{ config.DEBUG }}"), endpoint: "template");
        app.Get("/file-template", () => Globals.RenderTemplate("page.html"), endpoint: "file_template");
        app.Get("/stream", () => Globals.StreamTemplate("page.html"), endpoint: "stream");
        app.Get("/error", string () => throw new InvalidOperationException("boom"), endpoint: "error");
        app.Get("/debug-error", string () => throw new InvalidOperationException("boom"), endpoint: "debug_error");
        app.Get("/session", () =>
        {
            Globals.Session["a"] = 1;
            Globals.Flash("hi");
            return "ok";
        }, endpoint: "session");
        app.Get("/json", () => new Dictionary<string, object?> { ["a"] = new[] { 1, 2 } }, endpoint: "json");
        using var signal = FlagonSignals.RequestFinished.Connect((_, _) => { }, app);
        if (scenario == "capturing-receiver")
        {
            // An extension's usual receiver: connected for its app, capturing it, never disconnected.
            FlagonSignals.RequestStarted.Connect((_, _) => app.Logger.LogDebug("started"), app);
        }

        app.Cli.Command("hello", _ => Console.Out.Write(string.Empty));
        if (scenario == "cli")
        {
            Assert.Equal(0, app.Cli.Invoke(["hello"], TextWriter.Null, TextWriter.Null));
        }
        else if (scenario == "never-served")
        {
        }
        else if (scenario == "app-context")
        {
            using (app.AppContext())
            {
                Globals.G["x"] = 1;
                _ = Globals.UrlFor("static", new { filename = "x" });
            }
        }
        else
        {
            using var client = app.TestClient();
            var path = scenario switch
            {
                "plain" or "signal" or "capturing-receiver" => "/",
                "not-found" => "/missing",
                _ => "/" + scenario,
            };
            var response = client.Get(path);
            Assert.True(response.StatusCode is 200 or 404 or 500, $"{scenario}: {response.StatusCode}");
        }

        app.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }

        return new WeakReference(app);
    }

    private static void Collect()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}
