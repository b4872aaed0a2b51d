namespace Flagon.Exceptions;

/// <summary>408 Request Timeout: Werkzeug's <c>RequestTimeout</c>; raise it (or call <c>Abort(408)</c>) to answer with this status.</summary>
public class RequestTimeout : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public RequestTimeout(string? description = null, Response? response = null)
        : base(408, description, response)
    {
    }
}
