using Flagon.Signals;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>
/// The extension pattern of docs/extensions.md, with its example extension compiled and exercised: InitApp, state in
/// app.Extensions, config defaults, a per-app-context resource opened on first use and released on teardown,
/// a signal receiver filtered to the app, and a CLI command.
/// </summary>
public sealed class ExtensionPatternTests
{
    /// <summary>The example from docs/extensions.md (keep the two in step).</summary>
    public sealed class Audit
    {
        public const string ExtensionKey = "audit";
        private const string GKey = "_audit_batch";

        public Audit(FlagonApp? app = null)
        {
            if (app is not null)
            {
                InitApp(app);
            }
        }

        public void InitApp(FlagonApp app)
        {
            app.Config.TryAdd("AUDIT_ENABLED", true);
            app.Extensions[ExtensionKey] = new AuditState();
            app.TeardownAppContext(FlushBatch);
            FlagonSignals.RequestFinished.Connect(OnRequestFinished, sender: app);
            app.Cli.Command("audit-log", "Print the audit log.", parse =>
            {
                foreach (var line in State(CurrentApp).Lines)
                {
                    parse.InvocationConfiguration.Output.WriteLine(line);
                }
            });
        }

        public static AuditState State(FlagonApp app)
            => app.Extensions.TryGetValue(ExtensionKey, out var state) && state is AuditState audit
                ? audit
                : throw new InvalidOperationException("Audit is not initialized for this app: call new Audit(app) or audit.InitApp(app).");

        public static void Record(string message)
        {
            if (CurrentApp.Config.GetBool("AUDIT_ENABLED") == true)
            {
                Batch.Add(message);
            }
        }

        private static List<string> Batch
        {
            get
            {
                if (G.Get(GKey) is not List<string> batch)
                {
                    batch = [];
                    G[GKey] = batch;
                    State(CurrentApp).BatchesOpened++;
                }

                return batch;
            }
        }

        private static void OnRequestFinished(FlagonApp app, RequestFinishedArgs e)
            => Record($"{Request.Method} {Request.Path} {e.Response.StatusCode}");

        private static void FlushBatch(Exception? error)
        {
            if (G.Pop(GKey) is List<string> batch)
            {
                State(CurrentApp).Append(batch);
            }
        }
    }

    public sealed class AuditState
    {
        private readonly List<string> _lines = [];

        public int BatchesOpened { get; set; }

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public void Append(IEnumerable<string> lines)
        {
            lock (_lines)
            {
                _lines.AddRange(lines);
            }
        }
    }

    private static FlagonApp CreateApp(bool enabled = true)
    {
        var app = TestApps.New();
        app.Config["AUDIT_ENABLED"] = enabled;
        new Audit(app);
        app.Get("/", () => "home", endpoint: "index");
        app.Post("/items", () =>
        {
            Audit.Record("created item");
            return ("created", 201);
        }, endpoint: "create");
        return app;
    }

    [Fact]
    public async Task StateLivesInAppExtensionsAndResourcesAreReleasedOnTeardown()
    {
        var app = CreateApp();
        using var client = app.TestClient();
        await client.GetAsync("/");
        await client.PostAsync("/items");
        await client.GetAsync("/missing");
        var state = Audit.State(app);
        Assert.Equal(["GET / 200", "created item", "POST /items 201", "GET /missing 404"], state.Lines);
        Assert.Equal(3, state.BatchesOpened);
    }

    [Fact]
    public async Task TwoAppsKeepTheirOwnState()
    {
        var first = CreateApp();
        var second = CreateApp();
        using (var client = first.TestClient())
        {
            await client.GetAsync("/");
        }

        using (var client = second.TestClient())
        {
            await client.PostAsync("/items");
        }

        Assert.Equal(["GET / 200"], Audit.State(first).Lines);
        Assert.Equal(["created item", "POST /items 201"], Audit.State(second).Lines);
    }

    [Fact]
    public async Task ConfigDefaultsYieldToTheAppsConfig()
    {
        var app = CreateApp(enabled: false);
        using var client = app.TestClient();
        await client.PostAsync("/items");
        Assert.Empty(Audit.State(app).Lines);
        Assert.Equal(0, Audit.State(app).BatchesOpened);
    }

    [Fact]
    public void CommandsOfTheExtensionRunInAnAppContext()
    {
        var app = CreateApp();
        Audit.State(app).Append(["seeded"]);
        var output = new StringWriter();
        Assert.Equal(0, app.Cli.Invoke(["audit-log"], output));
        Assert.Equal("seeded" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void AnUninitializedAppGetsAClearError()
    {
        var app = TestApps.New();
        var error = Assert.Throws<InvalidOperationException>(() => Audit.State(app));
        Assert.Contains("InitApp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InitAppAfterTheFirstRequestIsRefused()
    {
        var app = TestApps.New();
        app.Get("/", () => "x", endpoint: "index");
        using (var client = app.TestClient())
        {
            client.Get("/");
        }

        Assert.Throws<InvalidOperationException>(() => new Audit(app));
    }
}
