namespace Flagon.Security;

/// <summary>A valid signature older than the allowed age, or dated in the future (itsdangerous' <c>SignatureExpired</c>).</summary>
public class SignatureExpired : BadTimeSignature
{
    /// <summary>Creates the error with the (authentic) payload and its signing time.</summary>
    public SignatureExpired(string message, string? payload, DateTimeOffset? dateSigned)
        : base(message, payload, dateSigned) { }
}
