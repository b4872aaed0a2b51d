namespace Flagon.Exceptions;

/// <summary>417 Expectation Failed: Werkzeug's <c>ExpectationFailed</c>; raise it (or call <c>Abort(417)</c>) to answer with this status.</summary>
public class ExpectationFailed : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public ExpectationFailed(string? description = null, Response? response = null)
        : base(417, description, response)
    {
    }
}
