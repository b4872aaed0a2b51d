using Flagon.Jinja.Runtime;
using Flagon.Routing;
using Flagon.Sessions;
using Flagon.Signals;

namespace Flagon;

/// <summary>
/// Flask's request context: the request, its session, its URL adapter and its after-this-request callbacks.
/// Pushed by the pipeline around each request (together with a fresh application context).
/// </summary>
public sealed class RequestContext
{
    private RequestContext? _previous;
    private SessionData? _session;
    private bool? _deferredSession;
    private List<Func<Response, ValueTask<Response>>>? _afterRequestFunctions;

    internal RequestContext(FlagonApp app, FlagonRequest request, ApplicationContext appContext)
    {
        App = app;
        Request = request;
        AppContext = appContext;
        try
        {
            UrlAdapter = app.CreateUrlAdapter(request);
        }
        catch (Exceptions.HttpException e)
        {
            // Flask: an HTTP error while binding (an untrusted Host) is raised after the before-request hooks, like a 404.
            request.RoutingException = e;
        }
    }

    /// <summary>The application.</summary>
    public FlagonApp App { get; }

    /// <summary>The request.</summary>
    public FlagonRequest Request { get; }

    /// <summary>The application context pushed with this request.</summary>
    public ApplicationContext AppContext { get; }

    /// <summary>The URL adapter bound to this request's host, script root and scheme.</summary>
    public MapAdapter? UrlAdapter { get; }

    /// <summary>The session, opened by the pipeline before the hooks run.</summary>
    public SessionData? Session
    {
        get
        {
            if (_deferredSession is { } isNull)
            {
                // The default cookie session of a request without cookies: made on first use (see FlagonApp.OpenSessionAsync).
                _deferredSession = null;
                _session = isNull ? App.SessionInterface.MakeNullSession() : new SessionData();
            }

            return _session;
        }

        internal set
        {
            _deferredSession = null;
            _session = value;
        }
    }

    /// <summary>The session if it was opened or used, else null (a deferred empty session that nothing touched needs no saving).</summary>
    internal SessionData? OpenedSession => _deferredSession is null ? _session : null;

    internal IReadOnlyList<PyTuple>? Flashes { get; set; }

    internal List<Func<Response, ValueTask<Response>>> AfterRequestFunctions => _afterRequestFunctions ??= [];

    /// <summary>The after-this-request functions, or null when none was registered.</summary>
    internal List<Func<Response, ValueTask<Response>>>? AfterRequestFunctionsIfAny => _afterRequestFunctions;

    /// <summary>Defers making the session until it is first read: a new empty session, or the interface's null session when <paramref name="nullSession"/>.</summary>
    internal void DeferSession(bool nullSession)
    {
        _session = null;
        _deferredSession = nullSession;
    }

    internal void Push()
    {
        _previous = ContextVars.Request.Value;
        if (FlagonSignals.AppContextPushed.HasReceivers)
        {
            // Receivers of appcontext_pushed run before the request context is pushed (as in Flask).
            AppContext.Push();
            ContextVars.Request.Value = this;
        }
        else
        {
            // Nobody can observe the moment between the two pushes: both slots are set at once.
            AppContext.Push(this);
        }

        MatchRequest();
    }

    internal void RestoreRequestSlot() => ContextVars.Request.Value = _previous;

    private void MatchRequest()
    {
        if (UrlAdapter is null)
        {
            Request.RoutingException ??= new Exceptions.NotFound();
            return;
        }

        var match = UrlAdapter.Match(Request.Path, Request.Method, Request.QueryString);
        switch (match.Kind)
        {
            case RouteMatchKind.Matched:
                Request.UrlRule = match.Rule;
                // A match's values are a fresh dictionary owned by the caller (RouteMatch.Values): the request keeps it.
                Request.ViewArgs = match.Values as Dictionary<string, object?> ?? new Dictionary<string, object?>(match.Values, StringComparer.Ordinal);
                break;
            case RouteMatchKind.MethodNotAllowed:
                Request.RoutingException = new Exceptions.MethodNotAllowed(match.AllowedMethods);
                break;
            case RouteMatchKind.Redirect:
                Request.RoutingException = new Exceptions.RequestRedirect(match.RedirectUrl ?? "/");
                break;
            default:
                Request.RoutingException = new Exceptions.NotFound();
                break;
        }
    }
}
