using Flagon.Security;

namespace Flagon.Sessions;

/// <summary>
/// Flask's session cookie value, byte for byte: Flask's tagged JSON, zlib when shorter, base64url,
/// then an itsdangerous timestamp signature with salt <c>cookie-session</c>, HMAC key derivation and
/// SHA-1, under <c>SECRET_KEY</c> (fallback keys accepted when reading). A Flask app with the same
/// secret key reads what this writes and the other way round.
/// </summary>
public sealed class SecureCookieSessionCodec
{
    /// <summary>Flask's salt for the session cookie.</summary>
    public const string Salt = "cookie-session";

    /// <summary>Cookie values longer than this are refused unread (browsers keep at most about 4096 bytes per cookie).</summary>
    public const int MaxCookieValueLength = 8192;

    /// <summary>Flask's signer settings: HMAC key derivation with SHA-1.</summary>
    public static readonly SignerOptions FlaskSignerOptions = new()
    {
        Salt = Salt,
        KeyDerivation = KeyDerivation.Hmac,
        DigestMethod = System.Security.Cryptography.HashAlgorithmName.SHA1,
    };

    /// <summary>Creates the codec; <paramref name="clock"/> stamps new cookies and judges the age of old ones.</summary>
    /// <exception cref="InvalidOperationException">No secret key is set (Flask's message).</exception>
    public SecureCookieSessionCodec(SessionOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.SecretKey))
        {
            throw new InvalidOperationException(SessionData.NoSecretKeyMessage);
        }
        Options = options;
        Clock = clock ?? TimeProvider.System;
        // itsdangerous takes keys oldest first with the current key last.
        Serializer = new UrlSafeTimedSerializer(
            [.. options.SecretKeyFallbacks, options.SecretKey],
            Salt,
            TaggedJsonSerializer.Instance,
            FlaskSignerOptions,
            Clock);
    }

    /// <summary>The options the codec was made with.</summary>
    public SessionOptions Options { get; }

    /// <summary>The clock for timestamps and age checks.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The underlying itsdangerous serializer.</summary>
    public UrlSafeTimedSerializer Serializer { get; }

    /// <summary>Encodes the session as a cookie value stamped with the clock's current time. Does not touch the session's flags.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be represented in Flask's format.</exception>
    public string Encode(SessionData session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Serializer.Dumps(session.Snapshot());
    }

    /// <summary>Decodes a cookie value checked against <see cref="SessionOptions.PermanentSessionLifetime"/>; null when tampered, expired or malformed.</summary>
    public SessionData? Decode(string? cookieValue) => Decode(cookieValue, Options.PermanentSessionLifetime);

    /// <summary>Decodes a cookie value; null when it is empty, tampered, older than <paramref name="maxAge"/> (whole seconds), dated in the future, or malformed. Never throws.</summary>
    public SessionData? Decode(string? cookieValue, TimeSpan? maxAge)
    {
        if (string.IsNullOrEmpty(cookieValue) || cookieValue.Length > MaxCookieValueLength)
        {
            return null;
        }
        try
        {
            return Serializer.TryLoads(cookieValue, maxAge, out var value) && value is Dictionary<string, object?> dict
                ? new SessionData(dict)
                : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // TryLoads already turns every known failure into false; this is the last line for "never a 500".
            return null;
        }
    }
}
