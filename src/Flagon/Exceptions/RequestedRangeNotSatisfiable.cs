namespace Flagon.Exceptions;

/// <summary>416 Requested Range Not Satisfiable: Werkzeug's <c>RequestedRangeNotSatisfiable</c>; raise it (or call <c>Abort(416)</c>) to answer with this status.</summary>
public class RequestedRangeNotSatisfiable : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public RequestedRangeNotSatisfiable(string? description = null, Response? response = null)
        : base(416, description, response)
    {
    }
}
