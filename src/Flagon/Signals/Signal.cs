using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Flagon.Signals;

/// <summary>
/// One of Flask's signals as a typed, thread-safe event: receivers connect with <see cref="Connect(Action{FlagonApp, TArgs}, FlagonApp?)"/>
/// (optionally only for one app, the sender) and are called in connection order; async receivers are awaited in turn.
/// Sending with no receivers costs one array read. The sender filter holds the app weakly, and a sender-bound
/// receiver lives only as long as its app.
/// </summary>
/// <typeparam name="TArgs">What the signal carries besides the sender (Flask's keyword arguments).</typeparam>
public sealed class Signal<TArgs>
{
    private readonly Lock _gate = new();
    private volatile Receiver[] _receivers = [];

    /// <summary>Creates a signal named <paramref name="name"/> (Flask's name, e.g. <c>request_started</c>).</summary>
    public Signal(string name) => Name = name;

    /// <summary>The signal's Flask name.</summary>
    public string Name { get; }

    /// <summary>True when at least one receiver is connected (senders may skip building arguments otherwise).</summary>
    public bool HasReceivers => _receivers.Length > 0;

    /// <summary>The number of connected receivers (a receiver connected for two senders counts twice).</summary>
    public int ReceiverCount => _receivers.Length;

    /// <summary>
    /// Connects a receiver, called with the sending app and the arguments. With <paramref name="sender"/> it only hears
    /// that app. Dispose the result to disconnect (<c>using var _ = signal.Connect(...)</c> scopes it to a test).
    /// </summary>
    public IDisposable Connect(Action<FlagonApp, TArgs> handler, FlagonApp? sender = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new Receiver(handler, sender, handler, null));
    }

    /// <summary>Connects an async receiver: senders await it before calling the next receiver.</summary>
    public IDisposable Connect(Func<FlagonApp, TArgs, Task> handler, FlagonApp? sender = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new Receiver(handler, sender, null, handler));
    }

    /// <summary>
    /// Disconnects <paramref name="handler"/>: every connection of it, or only the one for <paramref name="sender"/>.
    /// Returns false when it was not connected.
    /// </summary>
    public bool Disconnect(Delegate handler, FlagonApp? sender = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RemoveWhere(r => r.Handles(handler) && (sender is null || r.IsFor(sender)));
    }

    /// <summary>
    /// Sends the signal from <paramref name="sender"/>, awaiting async receivers one after the other. A receiver's
    /// exception propagates to the sender and stops the remaining receivers, as with Flask's blinker signals.
    /// </summary>
    public ValueTask SendAsync(FlagonApp sender, TArgs args)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var receivers = _receivers;
        for (var i = 0; i < receivers.Length; i++)
        {
            if (!receivers[i].TryGetHandlers(sender, out var handlers))
            {
                continue;
            }

            if (handlers.Sync is { } sync)
            {
                sync(sender, args);
                continue;
            }

            var task = handlers.Async!(sender, args);
            if (!task.IsCompletedSuccessfully)
            {
                return ContinueAsync(task, receivers, i + 1, sender, args);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Sends the signal synchronously, for senders that cannot await: async receivers are waited for in turn.</summary>
    public void Send(FlagonApp sender, TArgs args)
    {
        var pending = SendAsync(sender, args);
        if (pending.IsCompletedSuccessfully)
        {
            return;
        }

        pending.AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public override string ToString() => $"<signal {Name}>";

    private static async ValueTask ContinueAsync(Task current, Receiver[] receivers, int next, FlagonApp sender, TArgs args)
    {
        await current.ConfigureAwait(false);
        for (var i = next; i < receivers.Length; i++)
        {
            if (!receivers[i].TryGetHandlers(sender, out var handlers))
            {
                continue;
            }

            if (handlers.Sync is { } sync)
            {
                sync(sender, args);
            }
            else
            {
                await handlers.Async!(sender, args).ConfigureAwait(false);
            }
        }
    }

    private Subscription Add(Receiver receiver)
    {
        lock (_gate)
        {
            // Connections whose app was collected are dropped here, so they cannot pile up.
            _receivers = [.. _receivers.Where(r => !r.IsDead), receiver];
        }

        return new Subscription(this, receiver);
    }

    private bool RemoveWhere(Func<Receiver, bool> match)
    {
        lock (_gate)
        {
            var kept = _receivers.Where(r => !match(r)).ToArray();
            if (kept.Length == _receivers.Length)
            {
                return false;
            }

            _receivers = kept;
            return true;
        }
    }

    /// <summary>
    /// A connection. The sender is held weakly (as blinker does), and so is the handler of a sender-bound connection:
    /// it is kept in a <see cref="ConditionalWeakTable{TKey, TValue}"/> entry keyed by the app, alive exactly as long as
    /// the app, so a receiver whose closure captures its own app (an extension's usual receiver) cannot keep it alive
    /// through this process-wide signal.
    /// </summary>
    private sealed class Receiver
    {
        private readonly Handlers? _unfiltered;
        private readonly WeakReference<FlagonApp>? _sender;
        private readonly ConditionalWeakTable<FlagonApp, Handlers>? _bound;

        public Receiver(Delegate handler, FlagonApp? sender, Action<FlagonApp, TArgs>? sync, Func<FlagonApp, TArgs, Task>? async)
        {
            var handlers = new Handlers(handler, sync, async);
            if (sender is null)
            {
                _unfiltered = handlers;
                return;
            }

            _sender = new WeakReference<FlagonApp>(sender);
            _bound = new ConditionalWeakTable<FlagonApp, Handlers>();
            _bound.Add(sender, handlers);
        }

        public bool IsDead => _sender is not null && !_sender.TryGetTarget(out _);

        public bool TryGetHandlers(FlagonApp sender, [NotNullWhen(true)] out Handlers? handlers)
        {
            handlers = _unfiltered;
            return handlers is not null || _bound!.TryGetValue(sender, out handlers);
        }

        public bool Handles(Delegate handler)
        {
            if (_unfiltered is not null)
            {
                return _unfiltered.Handler.Equals(handler);
            }

            return _sender!.TryGetTarget(out var app) && _bound!.TryGetValue(app, out var handlers) && handlers.Handler.Equals(handler);
        }

        public bool IsFor(FlagonApp sender) => _sender is not null && _sender.TryGetTarget(out var target) && ReferenceEquals(target, sender);
    }

    private sealed record Handlers(Delegate Handler, Action<FlagonApp, TArgs>? Sync, Func<FlagonApp, TArgs, Task>? Async);

    /// <summary>A connection's handle; disposing it also lets go of the receiver, so a kept handle cannot keep the handler's captures (an app) alive.</summary>
    private sealed class Subscription(Signal<TArgs> signal, Receiver receiver) : IDisposable
    {
        private Signal<TArgs>? _signal = signal;
        private Receiver? _receiver = receiver;

        public void Dispose()
        {
            var owner = Interlocked.Exchange(ref _signal, null);
            var connection = Interlocked.Exchange(ref _receiver, null);
            owner?.RemoveWhere(r => ReferenceEquals(r, connection));
        }
    }
}
