namespace Flagon.Exceptions;

/// <summary>400 Bad Request: Werkzeug's <c>BadRequest</c>; raise it (or call <c>Abort(400)</c>) to answer with this status.</summary>
public class BadRequest : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public BadRequest(string? description = null, Response? response = null)
        : base(400, description, response)
    {
    }
}
