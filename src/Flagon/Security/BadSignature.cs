namespace Flagon.Security;

/// <summary>A signature does not match (itsdangerous' <c>BadSignature</c>).</summary>
public class BadSignature : BadData
{
    /// <summary>Creates the error; <paramref name="payload"/> is the unverified value, if one could be split off.</summary>
    public BadSignature(string message, string? payload = null) : base(message) => Payload = payload;

    /// <summary>The value whose signature failed. It is NOT trustworthy; use it for debugging only.</summary>
    public string? Payload { get; }
}
