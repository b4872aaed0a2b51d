namespace Flagon.Exceptions;

/// <summary>431 Request Header Fields Too Large: Werkzeug's <c>RequestHeaderFieldsTooLarge</c>; raise it (or call <c>Abort(431)</c>) to answer with this status.</summary>
public class RequestHeaderFieldsTooLarge : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public RequestHeaderFieldsTooLarge(string? description = null, Response? response = null)
        : base(431, description, response)
    {
    }
}
