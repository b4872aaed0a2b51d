using System.Security.Cryptography;

namespace Flagon.Security;

/// <summary>The knobs of a <see cref="Signer"/>, with itsdangerous' defaults.</summary>
public sealed record SignerOptions
{
    /// <summary>Distinguishes signatures made for different purposes with the same key.</summary>
    public string Salt { get; init; } = "itsdangerous.Signer";

    /// <summary>Separates value, timestamp and signature; must not be a base64url character.</summary>
    public char Separator { get; init; } = '.';

    /// <summary>How the signing key is derived from the secret key and salt.</summary>
    public KeyDerivation KeyDerivation { get; init; } = KeyDerivation.DjangoConcat;

    /// <summary>The hash behind the HMAC and the key derivation (SHA-1 by default, as itsdangerous and Flask).</summary>
    public HashAlgorithmName DigestMethod { get; init; } = HashAlgorithmName.SHA1;
}
