namespace Flagon.Exceptions;

/// <summary>418 I'm a teapot: Werkzeug's <c>ImATeapot</c>; raise it (or call <c>Abort(418)</c>) to answer with this status.</summary>
public class ImATeapot : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public ImATeapot(string? description = null, Response? response = null)
        : base(418, description, response)
    {
    }
}
