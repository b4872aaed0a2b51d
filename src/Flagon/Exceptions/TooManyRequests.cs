namespace Flagon.Exceptions;

/// <summary>429 Too Many Requests: Werkzeug's <c>TooManyRequests</c>; raise it (or call <c>Abort(429)</c>) to answer with this status.</summary>
public class TooManyRequests : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public TooManyRequests(string? description = null, Response? response = null)
        : base(429, description, response)
    {
    }
}
