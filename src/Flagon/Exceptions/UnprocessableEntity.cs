namespace Flagon.Exceptions;

/// <summary>422 Unprocessable Entity: Werkzeug's <c>UnprocessableEntity</c>; raise it (or call <c>Abort(422)</c>) to answer with this status.</summary>
public class UnprocessableEntity : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public UnprocessableEntity(string? description = null, Response? response = null)
        : base(422, description, response)
    {
    }
}
