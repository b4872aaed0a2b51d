using System.Buffers.Binary;

namespace Flagon.Security;

/// <summary>
/// A <see cref="Signer"/> that also records when the value was signed (itsdangerous' <c>TimestampSigner</c>):
/// <c>value.TIMESTAMP.SIGNATURE</c>, the timestamp being integer Unix seconds as big-endian bytes
/// without leading zero bytes, in base64url. Unsigning can enforce a maximum age.
/// </summary>
public class TimestampSigner : Signer
{
    private readonly TimeProvider _clock;

    /// <summary>Creates a timestamp signer with one secret key.</summary>
    public TimestampSigner(string secretKey, SignerOptions? options = null, TimeProvider? clock = null)
        : base(secretKey, options) => _clock = clock ?? TimeProvider.System;

    /// <summary>Creates a timestamp signer over secret keys ordered oldest to newest.</summary>
    public TimestampSigner(IEnumerable<string> secretKeys, SignerOptions? options = null, TimeProvider? clock = null)
        : base(secretKeys, options) => _clock = clock ?? TimeProvider.System;

    /// <summary>Creates a timestamp signer over raw secret keys ordered oldest to newest.</summary>
    public TimestampSigner(IEnumerable<byte[]> secretKeys, SignerOptions? options = null, TimeProvider? clock = null)
        : base(secretKeys, options) => _clock = clock ?? TimeProvider.System;

    /// <summary>The clock used for new signatures and for age checks.</summary>
    public TimeProvider Clock => _clock;

    /// <summary>The current time as integer Unix seconds (Python's <c>int(time.time())</c>).</summary>
    public virtual long GetTimestamp() => _clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Encodes a timestamp the way itsdangerous does (big-endian, leading zero bytes dropped, base64url).</summary>
    public static string EncodeTimestamp(long timestamp)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, unchecked((ulong)timestamp));
        int start = 0;
        while (start < 8 && buffer[start] == 0)
        {
            start++;
        }
        return Base64Url.Encode(buffer[start..]);
    }

    /// <summary>Decodes a timestamp written by <see cref="EncodeTimestamp"/>; false when it is malformed.</summary>
    public static bool TryDecodeTimestamp(ReadOnlySpan<char> text, out ulong timestamp)
    {
        timestamp = 0;
        if (!Base64Url.TryDecode(text, out var bytes) || bytes.Length > 8)
        {
            return false;
        }
        foreach (var b in bytes)
        {
            timestamp = (timestamp << 8) | b;
        }
        return true;
    }

    /// <summary>Signs <paramref name="value"/> with the current time: <c>value.ts.sig</c>.</summary>
    public override string Sign(string value) => Sign(value, GetTimestamp());

    /// <summary>Signs <paramref name="value"/> with an explicit timestamp (Unix seconds).</summary>
    public string Sign(string value, long timestamp)
    {
        string withTime = value + Separator + EncodeTimestamp(timestamp);
        return withTime + Separator + GetSignature(withTime);
    }

    /// <summary>Checks the signature and age; throws <see cref="BadSignature"/>, <see cref="BadTimeSignature"/> or <see cref="SignatureExpired"/>.</summary>
    public override string Unsign(string signedValue) => UnsignWithTimestamp(signedValue, null).Value;

    /// <summary>Checks the signature and, when <paramref name="maxAge"/> is given, the age (whole seconds, as itsdangerous).</summary>
    public string Unsign(string signedValue, TimeSpan? maxAge) => UnsignWithTimestamp(signedValue, maxAge).Value;

    /// <summary>Like <see cref="Unsign(string, TimeSpan?)"/> and also returns when the value was signed.</summary>
    public (string Value, DateTimeOffset Timestamp) UnsignWithTimestamp(string signedValue, TimeSpan? maxAge)
    {
        ArgumentNullException.ThrowIfNull(signedValue);
        var status = TryUnsign(signedValue, maxAge, out var value, out var timestamp, out var detail);
        DateTimeOffset? date = timestamp is ulong ts ? ToDateTime(ts) : null;
        return status switch
        {
            SignatureStatus.Valid when date is DateTimeOffset d => (value!, d),
            SignatureStatus.Valid => throw new BadTimeSignature("Malformed timestamp", value),
            SignatureStatus.Expired => throw new SignatureExpired(detail, value, date),
            SignatureStatus.BadTimestamp => throw new BadTimeSignature(detail, value, date),
            _ when value is null => throw new BadSignature(detail),
            _ => throw new BadTimeSignature(detail, value, date),
        };
    }

    /// <summary>True when the signature is valid and not expired.</summary>
    public bool Validate(string signedValue, TimeSpan? maxAge) =>
        TryUnsign(signedValue, maxAge, out _, out _, out _) == SignatureStatus.Valid;

    /// <inheritdoc />
    public override bool Validate(string signedValue) => Validate(signedValue, null);

    /// <summary>
    /// Checks a timestamped signature without throwing. <paramref name="value"/> is the payload
    /// (set, but not trustworthy, unless the status is <see cref="SignatureStatus.Valid"/>);
    /// <paramref name="timestamp"/> is the signing time in Unix seconds when it could be read.
    /// </summary>
    public SignatureStatus TryUnsign(string signedValue, TimeSpan? maxAge, out string? value, out ulong? timestamp) =>
        TryUnsign(signedValue, maxAge, out value, out timestamp, out _);

    private SignatureStatus TryUnsign(string signedValue, TimeSpan? maxAge, out string? value, out ulong? timestamp, out string detail)
    {
        value = null;
        timestamp = null;
        int sigAt = signedValue.LastIndexOf(Separator);
        if (sigAt < 0)
        {
            detail = $"No '{Separator}' found in value";
            return SignatureStatus.BadSignature;
        }
        string signed = signedValue[..sigAt];
        string sig = signedValue[(sigAt + 1)..];
        bool sigOk = VerifySignature(signed, sig);
        int tsAt = signed.LastIndexOf(Separator);
        if (tsAt < 0)
        {
            detail = sigOk ? "timestamp missing" : $"Signature '{sig}' does not match";
            if (sigOk)
            {
                value = signed;
                return SignatureStatus.BadTimestamp;
            }
            return SignatureStatus.BadSignature;
        }
        value = signed[..tsAt];
        if (TryDecodeTimestamp(signed.AsSpan(tsAt + 1), out var ts))
        {
            timestamp = ts;
        }
        if (!sigOk)
        {
            detail = $"Signature '{sig}' does not match";
            return SignatureStatus.BadSignature;
        }
        if (timestamp is null)
        {
            detail = "Malformed timestamp";
            return SignatureStatus.BadTimestamp;
        }
        if (maxAge is TimeSpan limit)
        {
            // itsdangerous compares whole seconds: age = now - ts; expired if age > max_age or age < 0.
            Int128 age = (Int128)GetTimestamp() - (Int128)ts;
            Int128 max = (Int128)(long)limit.TotalSeconds;
            if (age > max)
            {
                detail = $"Signature age {age} > {max} seconds";
                return SignatureStatus.Expired;
            }
            if (age < 0)
            {
                detail = $"Signature age {age} < 0 seconds";
                return SignatureStatus.Expired;
            }
        }
        detail = "";
        return SignatureStatus.Valid;
    }

    private static DateTimeOffset? ToDateTime(ulong ts) =>
        ts <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds((long)ts) : null;
}
