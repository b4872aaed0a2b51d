namespace Flagon.Sessions;

/// <summary>The outcome of Flask's <c>save_session</c> decision: what to do with the cookie, and whether to add <c>Vary: Cookie</c>.</summary>
public sealed record SessionCookieAction
{
    /// <summary>Set, delete, or leave the cookie alone.</summary>
    public SessionCookieActionKind Kind { get; init; }

    /// <summary>The cookie to send, for <see cref="SessionCookieActionKind.Set"/> and <see cref="SessionCookieActionKind.Delete"/>.</summary>
    public SessionCookie? Cookie { get; init; }

    /// <summary>Whether the response must carry <c>Vary: Cookie</c>.</summary>
    public bool AddVaryCookie { get; init; }

    /// <summary>True when the Set-Cookie header is larger than <see cref="SessionOptions.MaxCookieSize"/>; browsers may drop it (Werkzeug warns).</summary>
    public bool TooLarge { get; init; }
}
