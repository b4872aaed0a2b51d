namespace Flagon.Exceptions;

/// <summary>505 HTTP Version Not Supported: Werkzeug's <c>HTTPVersionNotSupported</c>; raise it (or call <c>Abort(505)</c>) to answer with this status.</summary>
public class HttpVersionNotSupported : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public HttpVersionNotSupported(string? description = null, Response? response = null)
        : base(505, description, response)
    {
    }
}
