namespace Flagon.Exceptions;

/// <summary>401 Unauthorized: Werkzeug's <c>Unauthorized</c>; raise it (or call <c>Abort(401)</c>) to answer with this status.</summary>
public class Unauthorized : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public Unauthorized(string? description = null, Response? response = null)
        : base(401, description, response)
    {
    }
}
