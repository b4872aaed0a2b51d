namespace Flagon.Exceptions;

/// <summary>415 Unsupported Media Type: Werkzeug's <c>UnsupportedMediaType</c>; raise it (or call <c>Abort(415)</c>) to answer with this status.</summary>
public class UnsupportedMediaType : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public UnsupportedMediaType(string? description = null, Response? response = null)
        : base(415, description, response)
    {
    }
}
