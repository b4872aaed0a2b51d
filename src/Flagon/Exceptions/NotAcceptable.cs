namespace Flagon.Exceptions;

/// <summary>406 Not Acceptable: Werkzeug's <c>NotAcceptable</c>; raise it (or call <c>Abort(406)</c>) to answer with this status.</summary>
public class NotAcceptable : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public NotAcceptable(string? description = null, Response? response = null)
        : base(406, description, response)
    {
    }
}
