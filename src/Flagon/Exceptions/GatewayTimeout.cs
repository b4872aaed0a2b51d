namespace Flagon.Exceptions;

/// <summary>504 Gateway Timeout: Werkzeug's <c>GatewayTimeout</c>; raise it (or call <c>Abort(504)</c>) to answer with this status.</summary>
public class GatewayTimeout : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public GatewayTimeout(string? description = null, Response? response = null)
        : base(504, description, response)
    {
    }
}
