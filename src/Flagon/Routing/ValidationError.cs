namespace Flagon.Routing;

/// <summary>
/// Thrown by <see cref="BaseConverter.ToPython"/> to reject a matched URL value (the request becomes a 404,
/// or a 405 when another rule matched the path for a different method), or by <see cref="BaseConverter.ToUrl"/>
/// to make a rule unsuitable while building.
/// </summary>
public class ValidationError : Exception
{
    /// <summary>Creates a validation error with an optional message.</summary>
    public ValidationError(string? message = null)
        : base(message ?? "The URL value was rejected by its converter.")
    {
    }
}
