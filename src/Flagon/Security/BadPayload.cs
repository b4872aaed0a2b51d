namespace Flagon.Security;

/// <summary>A payload could not be decoded after (or despite) signature checks (itsdangerous' <c>BadPayload</c>).</summary>
public class BadPayload : BadData
{
    /// <summary>Creates the error with its cause.</summary>
    public BadPayload(string message, Exception? originalError = null) : base(message, originalError) { }
}
