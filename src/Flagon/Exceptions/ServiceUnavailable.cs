namespace Flagon.Exceptions;

/// <summary>503 Service Unavailable: Werkzeug's <c>ServiceUnavailable</c>; raise it (or call <c>Abort(503)</c>) to answer with this status.</summary>
public class ServiceUnavailable : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public ServiceUnavailable(string? description = null, Response? response = null)
        : base(503, description, response)
    {
    }
}
