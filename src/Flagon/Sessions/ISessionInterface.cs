using Microsoft.AspNetCore.Http;

namespace Flagon.Sessions;

/// <summary>
/// Where sessions live (Flask's <c>SessionInterface</c>). The default keeps them in a signed cookie
/// (<see cref="SecureCookieSessionInterface"/>); a server-side store (database, cache) implements this
/// to keep only an id in the cookie. The app opens the session when a request starts and saves it after
/// the after-request hooks, before the response is written.
/// </summary>
public interface ISessionInterface
{
    /// <summary>Loads the request's session; null when sessions are unavailable (then the app uses <see cref="MakeNullSession"/>).</summary>
    ValueTask<SessionData?> OpenSessionAsync(HttpContext context, SessionOptions options, CancellationToken cancellationToken = default);

    /// <summary>Persists the session and sets the response's cookie and <c>Vary</c> headers. Not called for a null session.</summary>
    ValueTask SaveSessionAsync(HttpContext context, SessionOptions options, SessionData session, CancellationToken cancellationToken = default);

    /// <summary>The stand-in session when sessions are unavailable: empty for reads, throws on writes.</summary>
    SessionData MakeNullSession() => SessionData.CreateNull();

    /// <summary>Whether <paramref name="session"/> is the stand-in made by <see cref="MakeNullSession"/> (null sessions are not saved).</summary>
    bool IsNullSession(SessionData session) => session.IsNull;
}
