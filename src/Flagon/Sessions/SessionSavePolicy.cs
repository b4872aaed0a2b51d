namespace Flagon.Sessions;

/// <summary>
/// Flask's <c>SecureCookieSessionInterface.save_session</c> as pure functions: no response is touched,
/// the caller applies the returned <see cref="SessionCookieAction"/>. Usable by any cookie-carried store.
/// </summary>
public static class SessionSavePolicy
{
    /// <summary>Flask's <c>should_set_cookie</c>: modified, or permanent with <c>SESSION_REFRESH_EACH_REQUEST</c>.</summary>
    public static bool ShouldSetCookie(SessionData session, SessionOptions options) =>
        session.Modified || (session.RawPermanent && options.RefreshEachRequest);

    /// <summary>Flask's <c>get_expiration_time</c>: now + lifetime for a permanent session, else null (browser session).</summary>
    public static DateTimeOffset? GetExpirationTime(SessionData session, SessionOptions options, DateTimeOffset now) =>
        session.RawPermanent ? now + options.PermanentSessionLifetime : null;

    /// <summary>
    /// Decides what saving <paramref name="session"/> does. Vary: Cookie when it was accessed; an emptied
    /// (modified) session deletes the cookie; an empty unmodified one sends nothing; otherwise the cookie is
    /// set when <see cref="ShouldSetCookie"/>, with <paramref name="encode"/> making its value. Reads no flags
    /// in a way that marks the session accessed.
    /// </summary>
    public static SessionCookieAction Decide(SessionData session, SessionOptions options, DateTimeOffset now, Func<SessionData, string> encode)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(encode);
        bool vary = session.Accessed;
        if (session.IsNull)
        {
            return new SessionCookieAction { AddVaryCookie = vary };
        }
        if (session.RawCount == 0)
        {
            if (!session.Modified)
            {
                return new SessionCookieAction { AddVaryCookie = vary };
            }
            return new SessionCookieAction
            {
                Kind = SessionCookieActionKind.Delete,
                AddVaryCookie = true,
                Cookie = BaseCookie(options) with
                {
                    Value = "",
                    Expires = DateTimeOffset.UnixEpoch,
                    MaxAge = 0,
                },
            };
        }
        if (!ShouldSetCookie(session, options))
        {
            return new SessionCookieAction { AddVaryCookie = vary };
        }
        var cookie = BaseCookie(options) with
        {
            Value = encode(session),
            Expires = GetExpirationTime(session, options, now),
        };
        return new SessionCookieAction
        {
            Kind = SessionCookieActionKind.Set,
            AddVaryCookie = true,
            Cookie = cookie,
            TooLarge = options.MaxCookieSize > 0 && cookie.ToSetCookieHeader().Length > options.MaxCookieSize,
        };
    }

    private static SessionCookie BaseCookie(SessionOptions options) => new()
    {
        Name = options.CookieName,
        Value = "",
        Domain = options.CookieDomain,
        Path = options.EffectiveCookiePath,
        Secure = options.CookieSecure,
        HttpOnly = options.CookieHttpOnly,
        SameSite = options.CookieSameSite,
        Partitioned = options.CookiePartitioned,
    };
}
