using System.IO.Compression;
using System.Text;

namespace Flagon.Security;

/// <summary>
/// itsdangerous' <c>URLSafeTimedSerializer</c>: serialize a value, zlib-compress it when that is
/// shorter (marked by a leading <c>.</c>), base64url it without padding, then sign it with a
/// <see cref="TimestampSigner"/>: <c>[.]PAYLOAD.TIMESTAMP.SIGNATURE</c>.
/// </summary>
public class UrlSafeTimedSerializer
{
    /// <summary>Decompressed payloads larger than this are refused (a signed zip bomb is still a bomb).</summary>
    public const int MaxDecompressedBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Creates a serializer with one secret key and itsdangerous' defaults (salt <c>itsdangerous</c>, django-concat, SHA-1, compact JSON).</summary>
    public UrlSafeTimedSerializer(string secretKey, string salt = "itsdangerous", IPayloadSerializer? serializer = null, SignerOptions? signerOptions = null, TimeProvider? clock = null)
        : this([secretKey], salt, serializer, signerOptions, clock) { }

    /// <summary>Creates a serializer over secret keys ordered oldest to newest: the newest signs, all verify.</summary>
    public UrlSafeTimedSerializer(IEnumerable<string> secretKeys, string salt = "itsdangerous", IPayloadSerializer? serializer = null, SignerOptions? signerOptions = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(secretKeys);
        Serializer = serializer ?? CompactJsonSerializer.Instance;
        Signer = new TimestampSigner(secretKeys, (signerOptions ?? new SignerOptions()) with { Salt = salt }, clock);
    }

    /// <summary>The payload serializer.</summary>
    public IPayloadSerializer Serializer { get; }

    /// <summary>The signer (its salt is the serializer's).</summary>
    public TimestampSigner Signer { get; }

    /// <summary>Serializes and signs <paramref name="value"/> with the current time.</summary>
    public string Dumps(object? value) => Signer.Sign(DumpPayload(value));

    /// <summary>Serializes and signs <paramref name="value"/> with an explicit timestamp (Unix seconds).</summary>
    public string Dumps(object? value, long timestamp) => Signer.Sign(DumpPayload(value), timestamp);

    /// <summary>Verifies and deserializes; throws <see cref="BadSignature"/>, <see cref="SignatureExpired"/> or <see cref="BadPayload"/>.</summary>
    public object? Loads(string signedValue, TimeSpan? maxAge = null) => LoadsWithTimestamp(signedValue, maxAge).Value;

    /// <summary>Like <see cref="Loads"/>, also returning when the value was signed.</summary>
    public (object? Value, DateTimeOffset Timestamp) LoadsWithTimestamp(string signedValue, TimeSpan? maxAge = null)
    {
        var (payload, ts) = Signer.UnsignWithTimestamp(signedValue, maxAge);
        return (LoadPayload(payload), ts);
    }

    /// <summary>Verifies and deserializes without throwing: false for any bad signature, expiry or payload.</summary>
    public bool TryLoads(string? signedValue, TimeSpan? maxAge, out object? value)
    {
        value = null;
        if (signedValue is null
            || Signer.TryUnsign(signedValue, maxAge, out var payload, out _) != SignatureStatus.Valid
            || !TryLoadPayload(payload!, out value))
        {
            value = null;
            return false;
        }
        return true;
    }

    /// <summary>The payload part: serialized, maybe compressed (leading <c>.</c>), base64url.</summary>
    public string DumpPayload(object? value)
    {
        byte[] json = Encoding.UTF8.GetBytes(Serializer.Dumps(value));
        byte[] compressed = Zlib.Compress(json);
        return compressed.Length < json.Length - 1 ? "." + Base64Url.Encode(compressed) : Base64Url.Encode(json);
    }

    /// <summary>Decodes a payload made by <see cref="DumpPayload"/>; throws <see cref="BadPayload"/>.</summary>
    public object? LoadPayload(string payload)
    {
        if (!TryDecodePayload(payload, out var text, out var error))
        {
            throw new BadPayload(error);
        }
        try
        {
            return Serializer.Loads(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new BadPayload("Could not load the payload because an exception occurred on unserializing the data.", e);
        }
    }

    private bool TryLoadPayload(string payload, out object? value)
    {
        value = null;
        if (!TryDecodePayload(payload, out var text, out _))
        {
            return false;
        }
        try
        {
            value = Serializer.Loads(text);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    private static bool TryDecodePayload(string payload, out string text, out string error)
    {
        text = "";
        bool decompress = payload.StartsWith('.');
        if (!Base64Url.TryDecode(decompress ? payload.AsSpan(1) : payload, out var bytes))
        {
            error = "Could not base64 decode the payload because of an exception";
            return false;
        }
        if (decompress && !Zlib.TryDecompress(bytes, MaxDecompressedBytes, out bytes))
        {
            error = "Could not zlib decompress the payload before decoding the payload";
            return false;
        }
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            error = "Could not load the payload because an exception occurred on unserializing the data.";
            return false;
        }
        error = "";
        return true;
    }
}
