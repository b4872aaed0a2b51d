namespace Flagon;

/// <summary>
/// The session seen by handlers through <c>Globals.Session</c> (Flask's <c>SessionMixin</c>): a dictionary
/// that remembers whether it was new, modified or accessed, and whether it is permanent.
/// </summary>
public interface IFlagonSession : IDictionary<string, object?>
{
    /// <summary>True when the session was created for this request (no valid cookie came in).</summary>
    bool New { get; }

    /// <summary>True when the session changed and must be saved.</summary>
    bool Modified { get; set; }

    /// <summary>True when the session was read or written (adds <c>Vary: Cookie</c>).</summary>
    bool Accessed { get; set; }

    /// <summary>True for a session that outlives the browser (<c>PERMANENT_SESSION_LIFETIME</c>).</summary>
    bool Permanent { get; set; }
}
