namespace Flagon.Security;

/// <summary>The outcome of checking a timestamped signature without exceptions.</summary>
public enum SignatureStatus
{
    /// <summary>The signature matches and the age is acceptable.</summary>
    Valid,

    /// <summary>No separator, or the signature does not match any key.</summary>
    BadSignature,

    /// <summary>The signature matches but the timestamp is missing or malformed.</summary>
    BadTimestamp,

    /// <summary>The signature matches but it is older than the maximum age, or dated in the future.</summary>
    Expired,
}
