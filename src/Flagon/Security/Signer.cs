using System.Security.Cryptography;
using System.Text;

namespace Flagon.Security;

/// <summary>
/// Signs strings and verifies them (itsdangerous' <c>Signer</c>): <c>value + sep + base64url(HMAC(derived key, value))</c>.
/// Several secret keys may be given, oldest first: the newest (last) signs, every one verifies,
/// which is how keys rotate. Signatures are compared in constant time.
/// </summary>
public class Signer
{
    private static readonly UTF8Encoding Utf8 = new(false, false);
    private readonly byte[][] _derivedKeys; // newest first

    /// <summary>Creates a signer with one secret key.</summary>
    public Signer(string secretKey, SignerOptions? options = null)
        : this([Encoding.UTF8.GetBytes(secretKey ?? throw new ArgumentNullException(nameof(secretKey)))], options) { }

    /// <summary>Creates a signer over secret keys ordered oldest to newest; the newest signs.</summary>
    public Signer(IEnumerable<string> secretKeys, SignerOptions? options = null)
        : this(secretKeys.Select(k => Encoding.UTF8.GetBytes(k ?? throw new ArgumentException("A secret key is null.", nameof(secretKeys)))), options) { }

    /// <summary>Creates a signer over raw secret keys ordered oldest to newest; the newest signs.</summary>
    public Signer(IEnumerable<byte[]> secretKeys, SignerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(secretKeys);
        Options = options ?? new SignerOptions();
        char sep = Options.Separator;
        if (char.IsAsciiLetterOrDigit(sep) || sep is '-' or '_' or '=')
        {
            throw new ArgumentException(
                "The given separator cannot be used because it may be contained in the signature itself. ASCII letters, digits, and '-_=' must not be used.",
                nameof(options));
        }
        SecretKeys = secretKeys.Select(k => (byte[])k.Clone()).ToArray();
        if (SecretKeys.Count == 0)
        {
            throw new ArgumentException("At least one secret key is required.", nameof(secretKeys));
        }
        SaltBytes = Encoding.UTF8.GetBytes(Options.Salt);
        _derivedKeys = SecretKeys.Reverse().Select(DeriveKey).ToArray();
    }

    /// <summary>The options this signer was made with.</summary>
    public SignerOptions Options { get; }

    /// <summary>The secret keys, oldest first; the last one signs.</summary>
    public IReadOnlyList<byte[]> SecretKeys { get; }

    /// <summary>The salt as UTF-8 bytes.</summary>
    protected byte[] SaltBytes { get; }

    /// <summary>The separator character.</summary>
    public char Separator => Options.Separator;

    /// <summary>Derives the HMAC key from <paramref name="secretKey"/> and the salt, per <see cref="SignerOptions.KeyDerivation"/>.</summary>
    public byte[] DeriveKey(byte[] secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        var digest = Options.DigestMethod;
        return Options.KeyDerivation switch
        {
            KeyDerivation.Concat => CryptographicOperations.HashData(digest, [.. SaltBytes, .. secretKey]),
            KeyDerivation.DjangoConcat => CryptographicOperations.HashData(digest, [.. SaltBytes, .. "signer"u8, .. secretKey]),
            KeyDerivation.Hmac => CryptographicOperations.HmacData(digest, secretKey, SaltBytes),
            KeyDerivation.None => (byte[])secretKey.Clone(),
            _ => throw new ArgumentOutOfRangeException(nameof(secretKey), "Unknown key derivation method"),
        };
    }

    /// <summary>The base64url signature of <paramref name="value"/> under the newest key.</summary>
    public string GetSignature(string value) => Base64Url.Encode(ComputeSignature(_derivedKeys[0], Utf8.GetBytes(value)));

    /// <summary>Returns <c>value + sep + signature</c>.</summary>
    public virtual string Sign(string value) => value + Separator + GetSignature(value);

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="value"/> under any of the keys.</summary>
    public bool VerifySignature(string value, string signature)
    {
        if (!Base64Url.TryDecode(signature, out var sig))
        {
            return false;
        }
        var data = Utf8.GetBytes(value);
        bool ok = false;
        // Every key is tried even after a match, so timing does not reveal which key matched.
        foreach (var key in _derivedKeys)
        {
            ok |= CompareSignatures(ComputeSignature(key, data), sig);
        }
        return ok;
    }

    /// <summary>Removes and checks the signature, returning the value; throws <see cref="BadSignature"/> when it does not match.</summary>
    public virtual string Unsign(string signedValue)
    {
        ArgumentNullException.ThrowIfNull(signedValue);
        int at = signedValue.LastIndexOf(Separator);
        if (at < 0)
        {
            throw new BadSignature($"No '{Separator}' found in value");
        }
        string value = signedValue[..at];
        string sig = signedValue[(at + 1)..];
        if (VerifySignature(value, sig))
        {
            return value;
        }
        throw new BadSignature($"Signature '{sig}' does not match", value);
    }

    /// <summary>True when <paramref name="signedValue"/> carries a valid signature.</summary>
    public virtual bool Validate(string signedValue)
    {
        int at = signedValue.LastIndexOf(Separator);
        return at >= 0 && VerifySignature(signedValue[..at], signedValue[(at + 1)..]);
    }

    /// <summary>The raw HMAC of <paramref name="value"/> under a derived key.</summary>
    protected byte[] ComputeSignature(byte[] derivedKey, byte[] value) =>
        CryptographicOperations.HmacData(Options.DigestMethod, derivedKey, value);

    /// <summary>
    /// Compares an expected and a received signature in constant time
    /// (<see cref="CryptographicOperations.FixedTimeEquals"/>). Every verification goes through here.
    /// </summary>
    protected virtual bool CompareSignatures(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) =>
        CryptographicOperations.FixedTimeEquals(expected, actual);
}
