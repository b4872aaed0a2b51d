namespace Flagon.Exceptions;

/// <summary>414 Request URI Too Long: Werkzeug's <c>RequestURITooLarge</c>; raise it (or call <c>Abort(414)</c>) to answer with this status.</summary>
public class RequestUriTooLarge : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public RequestUriTooLarge(string? description = null, Response? response = null)
        : base(414, description, response)
    {
    }
}
