namespace Flagon.Exceptions;

/// <summary>413 Request Entity Too Large: Werkzeug's <c>RequestEntityTooLarge</c>; raise it (or call <c>Abort(413)</c>) to answer with this status.</summary>
public class RequestEntityTooLarge : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public RequestEntityTooLarge(string? description = null, Response? response = null)
        : base(413, description, response)
    {
    }
}
