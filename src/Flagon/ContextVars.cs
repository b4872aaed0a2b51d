namespace Flagon;

/// <summary>
/// The two context slots behind <c>Globals</c> (the current application context and request context). Both live in one
/// async-local value, so they flow across <c>await</c> and thread-pool hops together, and a request pushes its two
/// contexts with one execution-context copy instead of one per slot.
/// </summary>
internal static class ContextVars
{
    // The current state: null, an ApplicationContext (no request), a RequestContext (with its own application context,
    // the usual case) or a Frame (any other pair, e.g. an application context pushed inside a request).
    private static readonly AsyncLocal<object?> _current = new();

    /// <summary>The current application context.</summary>
    public static readonly AppSlot App = new();

    /// <summary>The current request context.</summary>
    public static readonly RequestSlot Request = new();

    /// <summary>Sets both slots at once (one execution-context copy).</summary>
    public static void Set(ApplicationContext? app, RequestContext? request) => _current.Value = Make(app, request);

    private static ApplicationContext? AppOf(object? state) => state switch
    {
        RequestContext request => request.AppContext,
        ApplicationContext app => app,
        Frame frame => frame.App,
        _ => null,
    };

    private static RequestContext? RequestOf(object? state) => state switch
    {
        RequestContext request => request,
        Frame frame => frame.Request,
        _ => null,
    };

    private static object? Make(ApplicationContext? app, RequestContext? request)
        => request is null ? app : ReferenceEquals(request.AppContext, app) ? request : new Frame(app, request);

    /// <summary>The application-context slot.</summary>
    internal sealed class AppSlot
    {
        /// <summary>The current application context; setting it keeps the current request context.</summary>
        public ApplicationContext? Value
        {
            get => AppOf(_current.Value);
            set => _current.Value = Make(value, RequestOf(_current.Value));
        }
    }

    /// <summary>The request-context slot.</summary>
    internal sealed class RequestSlot
    {
        /// <summary>The current request context; setting it keeps the current application context.</summary>
        public RequestContext? Value
        {
            get => RequestOf(_current.Value);
            set => _current.Value = Make(AppOf(_current.Value), value);
        }
    }

    private sealed class Frame(ApplicationContext? app, RequestContext request)
    {
        public ApplicationContext? App { get; } = app;

        public RequestContext Request { get; } = request;
    }
}
