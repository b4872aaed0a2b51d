namespace Flagon.Exceptions;

/// <summary>411 Length Required: Werkzeug's <c>LengthRequired</c>; raise it (or call <c>Abort(411)</c>) to answer with this status.</summary>
public class LengthRequired : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public LengthRequired(string? description = null, Response? response = null)
        : base(411, description, response)
    {
    }
}
