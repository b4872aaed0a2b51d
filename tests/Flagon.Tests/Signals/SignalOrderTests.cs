using System.Text.Json;
using Flagon.Signals;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Signals;

/// <summary>
/// Flask's signals fire at Flask's points: the sequence of signals and hooks per scenario equals what real Flask 2.2
/// records (Fixtures/generate_signals.py → signals.json), and each signal fires exactly once per request.
/// </summary>
public sealed class SignalOrderTests
{
    private static readonly Lazy<JsonElement> _fixture = new(() => Security.Fixtures.Load("Signals", "signals.json"));

    private static List<string> Expected(string scenario)
        => _fixture.Value.GetProperty("scenarios").GetProperty(scenario).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The app of the fixture script, with every signal recorded for it alone.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public Recorder()
        {
            App = TestApps.New();
            App.SecretKey = "dev";
            App.Config["PROPAGATE_EXCEPTIONS"] = false;
            Listen(FlagonSignals.AppContextPushed);
            Listen(FlagonSignals.RequestStarted);
            Listen(FlagonSignals.BeforeRenderTemplate);
            Listen(FlagonSignals.TemplateRendered);
            Listen(FlagonSignals.MessageFlashed);
            Listen(FlagonSignals.GotRequestException);
            Listen(FlagonSignals.RequestFinished);
            Listen(FlagonSignals.RequestTearingDown);
            Listen(FlagonSignals.AppContextTearingDown);
            Listen(FlagonSignals.AppContextPopped);
            App.BeforeRequest(() => Add("hook:before_request"));
            App.AfterRequest(r =>
            {
                Add("hook:after_request");
                return r;
            });
            App.TeardownRequest(_ => Add("hook:teardown_request"));
            App.TeardownAppContext(_ => Add("hook:teardown_appcontext"));
            App.Get(
                "/page",
                () =>
                {
                    Add("view");
                    Flash("hello", "info");
                    return RenderTemplateString("{{ x }}", new { x = 1 });
                },
                endpoint: "page");
            App.Get(
                "/boom",
                string () =>
                {
                    Add("view");
                    throw new KeyNotFoundException("boom");
                },
                endpoint: "boom");
            App.ErrorHandler(500, e =>
            {
                Add("hook:errorhandler_500");
                return ("oops", 500);
            });
            App.Get(
                "/handled",
                () =>
                {
                    Add("view");
                    Abort(418);
                },
                endpoint: "handled");
        }

        public FlagonApp App { get; }

        public List<string> Events { get; } = [];

        public void Add(string name)
        {
            lock (Events)
            {
                Events.Add(name);
            }
        }

        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());

        private void Listen<T>(Signal<T> signal) => _subscriptions.Add(signal.Connect((sender, _) =>
        {
            Assert.Same(App, sender);
            Add("signal:" + signal.Name);
        }, App));
    }

    [Theory]
    [InlineData("page", "/page")]
    [InlineData("boom", "/boom")]
    [InlineData("handled", "/handled")]
    [InlineData("not_found", "/missing")]
    public async Task RequestsSendFlasksSignalsInFlasksOrder(string scenario, string path)
    {
        using var recorder = new Recorder();
        using var client = recorder.App.TestClient();
        await client.GetAsync(path);
        Assert.Equal(Expected(scenario), recorder.Events);
    }

    [Fact]
    public async Task AnAppContextSendsFlasksSignalsInFlasksOrder()
    {
        using var recorder = new Recorder();
        await using (recorder.App.AppContext())
        {
            recorder.Add("body");
        }

        Assert.Equal(Expected("app_context"), recorder.Events);
    }

    [Fact]
    public void ASynchronousPopSendsTheSameSequence()
    {
        using var recorder = new Recorder();
        using (recorder.App.AppContext())
        {
            recorder.Add("body");
        }

        Assert.Equal(Expected("app_context"), recorder.Events);
    }

    /// <summary>
    /// A failing teardown: like Flask 2.2, appcontext_popped is not sent after a failed teardown-appcontext hook, and
    /// is sent after a failed teardown-request hook. One deliberate difference: every teardown and its *_tearing_down
    /// signal still runs after a failure (Flask 3.x collects teardown errors, #5928; Flask 2.2 stops at the first),
    /// so the tearing-down signal follows the failing hook here.
    /// </summary>
    [Theory]
    [InlineData("teardown_appcontext", "appcontext_tearing_down")]
    [InlineData("teardown_request", "request_tearing_down")]
    public async Task AFailedTeardownMatchesFlaskForAppContextPopped(string where, string signalAfterHook)
    {
        var expected = Expected("failing_" + where);
        expected.Insert(expected.IndexOf("hook:" + where) + 1, signalAfterHook);
        var expectedAppContext = Expected("failing_" + where + "_app_context");
        if (expectedAppContext.Contains("hook:" + where))
        {
            expectedAppContext.Insert(expectedAppContext.IndexOf("hook:" + where) + 1, signalAfterHook);
        }

        var seen = new List<string>();
        using var app = TestApps.New();
        using var s1 = FlagonSignals.RequestTearingDown.Connect((_, _) => seen.Add("request_tearing_down"), app);
        using var s2 = FlagonSignals.AppContextTearingDown.Connect((_, _) => seen.Add("appcontext_tearing_down"), app);
        using var s3 = FlagonSignals.AppContextPopped.Connect((_, _) => seen.Add("appcontext_popped"), app);
        Action<Exception?> fail = _ =>
        {
            seen.Add("hook:" + where);
            throw new InvalidOperationException("teardown failed");
        };
        if (where == "teardown_appcontext")
        {
            app.TeardownAppContext(fail);
        }
        else
        {
            app.TeardownRequest(fail);
        }

        app.Get("/", () => "ok", endpoint: "index");
        using (var client = app.TestClient())
        {
            Assert.Equal("ok", (await client.GetAsync("/")).Text);
        }

        Assert.Equal(expected, seen);
        seen.Clear();
        var pop = app.AppContext().PopAsync().AsTask(); // called here, so the context slot change is this method's
        if (where == "teardown_appcontext")
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => pop);
        }
        else
        {
            await pop;
        }

        Assert.False(Globals.HasAppContext);
        Assert.Equal(expectedAppContext, seen);
    }

    private static async Task<List<object?>> Capture<T>(Signal<T> signal, string path, Func<T, object?> select, Action<FlagonApp>? setup = null)
    {
        using var recorder = new Recorder();
        setup?.Invoke(recorder.App);
        var seen = new List<object?>();
        using var subscription = signal.Connect((_, args) => seen.Add(select(args)), recorder.App);
        using var client = recorder.App.TestClient();
        await client.GetAsync(path);
        return seen;
    }

    [Fact]
    public async Task AppContextPushedFiresOncePerRequest()
        => Assert.Single(await Capture(FlagonSignals.AppContextPushed, "/page", _ => Globals.CurrentApp));

    [Fact]
    public async Task RequestStartedFiresOnceWithTheRequestActive()
        => Assert.Equal(["/page"], await Capture(FlagonSignals.RequestStarted, "/page", _ => Request.Path));

    [Fact]
    public async Task BeforeRenderTemplateFiresOnceWithTheContext()
        => Assert.Equal([1L], await Capture(FlagonSignals.BeforeRenderTemplate, "/page", e => Convert.ToInt64(e.Context["x"], System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task TemplateRenderedFiresOnceWithTheTemplate()
        => Assert.Equal([null], await Capture(FlagonSignals.TemplateRendered, "/page", e => e.Template.Name));

    [Fact]
    public async Task MessageFlashedFiresOnceWithMessageAndCategory()
        => Assert.Equal([("hello", "info")], await Capture(FlagonSignals.MessageFlashed, "/page", e => (object?)((string)e.Message, e.Category)));

    [Fact]
    public async Task GotRequestExceptionFiresOnceForAnUnhandledError()
        => Assert.Equal(["boom"], await Capture(FlagonSignals.GotRequestException, "/boom", e => e.Exception.Message));

    [Fact]
    public async Task GotRequestExceptionIsNotSentForHandledHttpErrors()
        => Assert.Empty(await Capture(FlagonSignals.GotRequestException, "/handled", e => e.Exception));

    [Fact]
    public async Task RequestFinishedFiresOnceWithTheFinalResponse()
        => Assert.Equal([(500, "oops")], await Capture(FlagonSignals.RequestFinished, "/boom", e => (object?)(e.Response.StatusCode, e.Response.Text)));

    [Fact]
    public async Task RequestTearingDownFiresOnceWithTheUnhandledException()
    {
        Assert.Equal([null], await Capture(FlagonSignals.RequestTearingDown, "/page", e => e.Exception));
        var failed = await Capture(FlagonSignals.RequestTearingDown, "/boom", e => e.Exception);
        Assert.IsType<KeyNotFoundException>(Assert.Single(failed));
    }

    [Fact]
    public async Task AppContextTearingDownFiresOnceWithTheUnhandledException()
    {
        Assert.Equal([null], await Capture(FlagonSignals.AppContextTearingDown, "/page", e => e.Exception));
        var failed = await Capture(FlagonSignals.AppContextTearingDown, "/boom", e => e.Exception);
        Assert.IsType<KeyNotFoundException>(Assert.Single(failed));
    }

    [Fact]
    public async Task AppContextPoppedFiresOnceAfterTheContextIsGone()
        => Assert.Equal([false], await Capture(FlagonSignals.AppContextPopped, "/page", _ => Globals.HasAppContext));
}
