namespace Flagon;

/// <summary>
/// Flask's <c>SessionInterface</c>: how the pipeline opens the session before the hooks run and saves it
/// after the after-request hooks. Set <c>app.SessionInterface</c> to change the storage (signed cookie,
/// server side…).
/// </summary>
public interface ISessionInterface
{
    /// <summary>Loads the session for <paramref name="request"/>; null means sessions are unavailable (a null session is used).</summary>
    IFlagonSession? OpenSession(FlagonApp app, FlagonRequest request);

    /// <summary>Writes <paramref name="session"/> into <paramref name="response"/> (a cookie, a store…).</summary>
    void SaveSession(FlagonApp app, IFlagonSession session, Response response);

    /// <summary>The stand-in session used when <see cref="OpenSession"/> returns null.</summary>
    IFlagonSession MakeNullSession(FlagonApp app) => new NullSession();

    /// <summary>True for the stand-in session, which is never saved.</summary>
    bool IsNullSession(IFlagonSession session) => session is NullSession;
}
