namespace Flagon.Exceptions;

/// <summary>410 Gone: Werkzeug's <c>Gone</c>; raise it (or call <c>Abort(410)</c>) to answer with this status.</summary>
public class Gone : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public Gone(string? description = null, Response? response = null)
        : base(410, description, response)
    {
    }
}
