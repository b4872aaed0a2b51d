namespace Flagon.Exceptions;

/// <summary>500 Internal Server Error: Werkzeug's <c>InternalServerError</c>; unhandled exceptions reach the 500 handler wrapped in one.</summary>
public class InternalServerError : HttpException
{
    /// <summary>Creates the exception with Werkzeug's default description, or with <paramref name="description"/>.</summary>
    public InternalServerError(string? description = null, Response? response = null, Exception? originalException = null)
        : base(500, description, response, originalException)
    {
        OriginalException = originalException;
    }

    /// <summary>The unhandled exception that caused this 500, as Flask's <c>original_exception</c>; null for a plain <c>Abort(500)</c>.</summary>
    public Exception? OriginalException { get; }
}
