namespace Flagon.Exceptions;

/// <summary>423 Locked: Werkzeug's <c>Locked</c>; raise it (or call <c>Abort(423)</c>) to answer with this status.</summary>
public class Locked : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public Locked(string? description = null, Response? response = null)
        : base(423, description, response)
    {
    }
}
