namespace Flagon.Security;

/// <summary>A timestamped signature is invalid or its timestamp is malformed (itsdangerous' <c>BadTimeSignature</c>).</summary>
public class BadTimeSignature : BadSignature
{
    /// <summary>Creates the error with the unverified payload and the signing time, when known.</summary>
    public BadTimeSignature(string message, string? payload = null, DateTimeOffset? dateSigned = null)
        : base(message, payload) => DateSigned = dateSigned;

    /// <summary>When the value was signed, if the timestamp could be read.</summary>
    public DateTimeOffset? DateSigned { get; }
}
