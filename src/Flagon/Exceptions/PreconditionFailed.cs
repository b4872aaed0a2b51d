namespace Flagon.Exceptions;

/// <summary>412 Precondition Failed: Werkzeug's <c>PreconditionFailed</c>; raise it (or call <c>Abort(412)</c>) to answer with this status.</summary>
public class PreconditionFailed : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public PreconditionFailed(string? description = null, Response? response = null)
        : base(412, description, response)
    {
    }
}
