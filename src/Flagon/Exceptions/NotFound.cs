namespace Flagon.Exceptions;

/// <summary>404 Not Found: Werkzeug's <c>NotFound</c>; raise it (or call <c>Abort(404)</c>) to answer with this status.</summary>
public class NotFound : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public NotFound(string? description = null, Response? response = null)
        : base(404, description, response)
    {
    }
}
