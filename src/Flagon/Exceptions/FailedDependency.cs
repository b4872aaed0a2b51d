namespace Flagon.Exceptions;

/// <summary>424 Failed Dependency: Werkzeug's <c>FailedDependency</c>; raise it (or call <c>Abort(424)</c>) to answer with this status.</summary>
public class FailedDependency : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public FailedDependency(string? description = null, Response? response = null)
        : base(424, description, response)
    {
    }
}
