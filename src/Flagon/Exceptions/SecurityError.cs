namespace Flagon.Exceptions;

/// <summary>Werkzeug's <c>SecurityError</c>: a 400 Bad Request raised by a security check (an untrusted Host, see <c>TRUSTED_HOSTS</c>).</summary>
public class SecurityError : BadRequest
{
    /// <summary>Creates the exception with Werkzeug's default 400 description, or with <paramref name="description"/>.</summary>
    public SecurityError(string? description = null, Response? response = null)
        : base(description, response)
    {
    }
}
