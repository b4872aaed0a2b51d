using Flagon.Routing;
using Flagon.Signals;

namespace Flagon;

/// <summary>
/// Flask's application context: makes <c>CurrentApp</c> and <c>G</c> available, for a request or on its own
/// (<c>using (app.AppContext()) { … }</c> in commands and tests). Disposing it runs the teardown-appcontext hooks.
/// </summary>
public sealed class ApplicationContext : IDisposable, IAsyncDisposable
{
    private ApplicationContext? _previous;
    private bool _pushed;
    private MapAdapter? _urlAdapter;
    private bool _adapterMade;
    private AppGlobals? _g;

    internal ApplicationContext(FlagonApp app)
    {
        App = app;
    }

    /// <summary>The application.</summary>
    public FlagonApp App { get; }

    /// <summary>This context's <c>g</c> (made on first use).</summary>
    public AppGlobals G => _g ??= new();

    /// <summary>The URL adapter for building URLs outside a request (needs <c>SERVER_NAME</c>), or null.</summary>
    public MapAdapter? UrlAdapter
    {
        get
        {
            if (!_adapterMade)
            {
                _adapterMade = true;
                _urlAdapter = App.CreateUrlAdapter(null);
            }

            return _urlAdapter;
        }
    }

    /// <summary>Makes this context current.</summary>
    public void Push() => Push(ContextVars.Request.Value);

    /// <summary>Pushes this context with <paramref name="request"/> as the current request context (both slots set at once).</summary>
    internal void Push(RequestContext? request)
    {
        if (_pushed)
        {
            throw new InvalidOperationException("This application context is already pushed.");
        }

        _previous = ContextVars.App.Value;
        ContextVars.Set(this, request);
        _pushed = true;
        FlagonSignals.AppContextPushed.Send(App, default);
    }

    /// <summary>Runs the teardown-appcontext hooks with <paramref name="exception"/>, then restores the previous context.</summary>
    public void Pop(Exception? exception = null)
    {
        var task = PopAsync(exception);
        if (!task.IsCompleted)
        {
            task.AsTask().GetAwaiter().GetResult();
        }
        else
        {
            task.GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Async form of <see cref="Pop"/>; the previous context is restored for the caller right away, and
    /// <c>appcontext_popped</c> is sent once the teardown finished. When a teardown-appcontext hook failed, the error
    /// is thrown and <c>appcontext_popped</c> is not sent (Flask 2.2's order: the error leaves <c>pop</c> before the signal).
    /// </summary>
    public ValueTask PopAsync(Exception? exception = null)
    {
        if (!_pushed || !ReferenceEquals(ContextVars.App.Value, this))
        {
            throw new InvalidOperationException("Popped wrong app context.");
        }

        ValueTask teardown;
        try
        {
            teardown = App.DoTeardownAppContextAsync(exception);
        }
        catch (Exception e)
        {
            teardown = ValueTask.FromException(e);
        }

        // The slot is reset here, not in an async method, so that the caller's context sees the change.
        ContextVars.App.Value = _previous;
        _pushed = false;
        if (teardown.IsCompletedSuccessfully && !FlagonSignals.AppContextPopped.HasReceivers)
        {
            return ValueTask.CompletedTask;
        }

        return FinishPopAsync(teardown, App);
    }

    private static async ValueTask FinishPopAsync(ValueTask teardown, FlagonApp app)
    {
        await teardown;
        await FlagonSignals.AppContextPopped.SendAsync(app, default);
    }

    /// <summary>Marks the context popped without touching the slot, for a request whose async method is ending (see FlagonApp.HandleRequestAsync).</summary>
    internal void MarkPopped() => _pushed = false;

    /// <inheritdoc />
    public void Dispose() => Pop();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => PopAsync();
}
