namespace Flagon.Sessions;

/// <summary>What saving a session does to the session cookie.</summary>
public enum SessionCookieActionKind
{
    /// <summary>Send no Set-Cookie.</summary>
    None,

    /// <summary>Send the cookie with a new value.</summary>
    Set,

    /// <summary>Send an expired, empty cookie to delete it.</summary>
    Delete,
}
