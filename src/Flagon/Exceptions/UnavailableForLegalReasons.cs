namespace Flagon.Exceptions;

/// <summary>451 Unavailable For Legal Reasons: Werkzeug's <c>UnavailableForLegalReasons</c>; raise it (or call <c>Abort(451)</c>) to answer with this status.</summary>
public class UnavailableForLegalReasons : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public UnavailableForLegalReasons(string? description = null, Response? response = null)
        : base(451, description, response)
    {
    }
}
