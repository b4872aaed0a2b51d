using Flagon.Signals;

namespace Flagon.Tests.Signals;

/// <summary>Signal&lt;T&gt;: connect, disconnect, sender filtering, scoped subscriptions, async receivers, thread safety.</summary>
public sealed class SignalTests
{
    private static readonly FlagonApp _app = TestApps.New();
    private static readonly FlagonApp _other = TestApps.New();

    [Fact]
    public void ReceiversAreCalledInConnectionOrderWithSenderAndArguments()
    {
        var signal = new Signal<int>("test");
        var seen = new List<string>();
        signal.Connect((app, n) => seen.Add($"a {app.Name} {n}"));
        signal.Connect((app, n) => seen.Add($"b {n}"));
        signal.Send(_app, 7);
        Assert.Equal([$"a {_app.Name} 7", "b 7"], seen);
    }

    [Fact]
    public void SenderFilteringOnlyDeliversThatAppsSignals()
    {
        var signal = new Signal<int>("test");
        var seen = new List<int>();
        signal.Connect((_, n) => seen.Add(n), _app);
        signal.Send(_other, 1);
        signal.Send(_app, 2);
        Assert.Equal([2], seen);
    }

    [Fact]
    public void DisposingTheSubscriptionDisconnects()
    {
        var signal = new Signal<int>("test");
        var seen = new List<int>();
        using (signal.Connect((_, n) => seen.Add(n)))
        {
            Assert.True(signal.HasReceivers);
            signal.Send(_app, 1);
        }

        signal.Send(_app, 2);
        Assert.Equal([1], seen);
        Assert.False(signal.HasReceivers);
    }

    [Fact]
    public void DisposingTwiceIsHarmless()
    {
        var signal = new Signal<int>("test");
        var subscription = signal.Connect((_, _) => { });
        signal.Connect((_, _) => { });
        subscription.Dispose();
        subscription.Dispose();
        Assert.Equal(1, signal.ReceiverCount);
    }

    [Fact]
    public void DisconnectRemovesAHandlerForAllSendersOrForOne()
    {
        var signal = new Signal<int>("test");
        var seen = new List<int>();
        Action<FlagonApp, int> handler = (_, n) => seen.Add(n);
        signal.Connect(handler, _app);
        signal.Connect(handler, _other);
        Assert.True(signal.Disconnect(handler, _other));
        signal.Send(_other, 1);
        signal.Send(_app, 2);
        Assert.True(signal.Disconnect(handler));
        Assert.False(signal.Disconnect(handler));
        signal.Send(_app, 3);
        Assert.Equal([2], seen);
    }

    [Fact]
    public async Task AsyncReceiversAreAwaitedInOrder()
    {
        var signal = new Signal<int>("test");
        var seen = new List<string>();
        signal.Connect(async (_, n) =>
        {
            await Task.Yield();
            seen.Add("first");
        });
        signal.Connect((_, n) => seen.Add("second"));
        signal.Connect(async (_, n) =>
        {
            await Task.Delay(1);
            seen.Add("third");
        });
        await signal.SendAsync(_app, 0);
        Assert.Equal(["first", "second", "third"], seen);
    }

    [Fact]
    public void SynchronousSendWaitsForAsyncReceivers()
    {
        var signal = new Signal<int>("test");
        var done = false;
        signal.Connect(async (_, _) =>
        {
            await Task.Yield();
            done = true;
        });
        signal.Send(_app, 0);
        Assert.True(done);
    }

    [Fact]
    public async Task AReceiverExceptionPropagatesAndStopsTheRest()
    {
        var signal = new Signal<int>("test");
        var reached = false;
        signal.Connect(async (_, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("receiver failed");
        });
        signal.Connect((_, _) => reached = true);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await signal.SendAsync(_app, 0));
        Assert.Equal("receiver failed", error.Message);
        Assert.False(reached);
    }

    [Fact]
    public void ConnectingDuringASendDoesNotDisturbIt()
    {
        var signal = new Signal<int>("test");
        var calls = 0;
        signal.Connect((_, _) =>
        {
            calls++;
            signal.Connect((_, _) => calls += 100);
        });
        signal.Send(_app, 0);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void ConcurrentConnectsAndDisposesLoseNothing()
    {
        var signal = new Signal<int>("test");
        var kept = new System.Collections.Concurrent.ConcurrentBag<IDisposable>();
        Parallel.For(0, 2000, i =>
        {
            var subscription = signal.Connect((_, _) => { });
            if (i % 2 == 0)
            {
                subscription.Dispose();
            }
            else
            {
                kept.Add(subscription);
            }

            signal.Send(_app, i);
        });
        Assert.Equal(1000, signal.ReceiverCount);
        foreach (var subscription in kept)
        {
            subscription.Dispose();
        }

        Assert.False(signal.HasReceivers);
    }

    [Fact]
    public void TheBuiltInSignalsCarryFlasksNames()
    {
        Assert.Equal(
            ["appcontext_pushed", "request_started", "before_render_template", "template_rendered", "message_flashed", "got_request_exception", "request_finished", "request_tearing_down", "appcontext_tearing_down", "appcontext_popped"],
            [FlagonSignals.AppContextPushed.Name, FlagonSignals.RequestStarted.Name, FlagonSignals.BeforeRenderTemplate.Name, FlagonSignals.TemplateRendered.Name, FlagonSignals.MessageFlashed.Name, FlagonSignals.GotRequestException.Name, FlagonSignals.RequestFinished.Name, FlagonSignals.RequestTearingDown.Name, FlagonSignals.AppContextTearingDown.Name, FlagonSignals.AppContextPopped.Name]);
    }
}
