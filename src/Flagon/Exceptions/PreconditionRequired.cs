namespace Flagon.Exceptions;

/// <summary>428 Precondition Required: Werkzeug's <c>PreconditionRequired</c>; raise it (or call <c>Abort(428)</c>) to answer with this status.</summary>
public class PreconditionRequired : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public PreconditionRequired(string? description = null, Response? response = null)
        : base(428, description, response)
    {
    }
}
