namespace Flagon.Exceptions;

/// <summary>502 Bad Gateway: Werkzeug's <c>BadGateway</c>; raise it (or call <c>Abort(502)</c>) to answer with this status.</summary>
public class BadGateway : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public BadGateway(string? description = null, Response? response = null)
        : base(502, description, response)
    {
    }
}
