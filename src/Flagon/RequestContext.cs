using Flagon.Jinja.Runtime;
using Flagon.Routing;
using Flagon.Sessions;

namespace Flagon;

/// <summary>
/// Flask's request context: the request, its session, its URL adapter and its after-this-request callbacks.
/// Pushed by the pipeline around each request (together with a fresh application context).
/// </summary>
public sealed class RequestContext
{
    private RequestContext? _previous;

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
    public SessionData? Session { get; internal set; }

    internal IReadOnlyList<PyTuple>? Flashes { get; set; }

    internal List<Func<Response, ValueTask<Response>>> AfterRequestFunctions { get; } = [];

    internal void Push()
    {
        AppContext.Push();
        _previous = ContextVars.Request.Value;
        ContextVars.Request.Value = this;
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
                Request.ViewArgs = new Dictionary<string, object?>(match.Values, StringComparer.Ordinal);
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
