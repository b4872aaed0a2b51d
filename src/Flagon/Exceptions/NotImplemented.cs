namespace Flagon.Exceptions;

/// <summary>501 Not Implemented: Werkzeug's <c>NotImplemented</c>; raise it (or call <c>Abort(501)</c>) to answer with this status.</summary>
public class NotImplemented : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public NotImplemented(string? description = null, Response? response = null)
        : base(501, description, response)
    {
    }
}
