namespace Flagon.Exceptions;

/// <summary>409 Conflict: Werkzeug's <c>Conflict</c>; raise it (or call <c>Abort(409)</c>) to answer with this status.</summary>
public class Conflict : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public Conflict(string? description = null, Response? response = null)
        : base(409, description, response)
    {
    }
}
