namespace Flagon;

/// <summary>Raised when <c>Request</c>, <c>G</c>, <c>CurrentApp</c> or <c>Session</c> is used with no context pushed (Flask's RuntimeError).</summary>
public class WorkingOutsideOfContextException : InvalidOperationException
{
    /// <summary>Creates the error with Flask's explanation.</summary>
    public WorkingOutsideOfContextException(string message)
        : base(message)
    {
    }
}
