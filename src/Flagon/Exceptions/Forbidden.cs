namespace Flagon.Exceptions;

/// <summary>403 Forbidden: Werkzeug's <c>Forbidden</c>; raise it (or call <c>Abort(403)</c>) to answer with this status.</summary>
public class Forbidden : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public Forbidden(string? description = null, Response? response = null)
        : base(403, description, response)
    {
    }
}
