namespace Flagon.Routing;

/// <summary>The outcome of matching a request against a <see cref="UrlMap"/>.</summary>
public enum RouteMatchKind
{
    /// <summary>A rule matched; see <see cref="RouteMatch.Rule"/> and <see cref="RouteMatch.Values"/>.</summary>
    Matched,

    /// <summary>No rule matched (404).</summary>
    NotFound,

    /// <summary>Rules matched the path but not the method (405); see <see cref="RouteMatch.AllowedMethods"/>.</summary>
    MethodNotAllowed,

    /// <summary>The request should be redirected with 308 to <see cref="RouteMatch.RedirectUrl"/>.</summary>
    Redirect,
}
