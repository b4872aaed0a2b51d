namespace Flagon.Exceptions;

/// <summary>421 Misdirected Request: Werkzeug's <c>MisdirectedRequest</c>; raise it (or call <c>Abort(421)</c>) to answer with this status.</summary>
public class MisdirectedRequest : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public MisdirectedRequest(string? description = null, Response? response = null)
        : base(421, description, response)
    {
    }
}
