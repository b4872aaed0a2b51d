using System.Collections;
using System.Globalization;
using System.Text;

namespace Flagon.Sessions;

/// <summary>
/// The session settings from Flask's config, with Flask 3.1's defaults. Build one from the app's
/// config with <see cref="FromConfig"/>; the record is immutable so it can be cached per app.
/// </summary>
public sealed record SessionOptions
{
    /// <summary><c>SECRET_KEY</c>: signs the cookie. Without one, sessions are unavailable (a null session).</summary>
    public string? SecretKey { get; init; }

    /// <summary><c>SECRET_KEY_FALLBACKS</c>: older keys still accepted when reading, oldest first; only <see cref="SecretKey"/> signs.</summary>
    public IReadOnlyList<string> SecretKeyFallbacks { get; init; } = [];

    /// <summary><c>PERMANENT_SESSION_LIFETIME</c> (31 days): the Expires of permanent cookies and the maximum age of every cookie read.</summary>
    public TimeSpan PermanentSessionLifetime { get; init; } = TimeSpan.FromDays(31);

    /// <summary><c>SESSION_COOKIE_NAME</c>.</summary>
    public string CookieName { get; init; } = "session";

    /// <summary><c>SESSION_COOKIE_DOMAIN</c>: unset gives a host-only cookie (Flask 2.3+).</summary>
    public string? CookieDomain { get; init; }

    /// <summary><c>SESSION_COOKIE_PATH</c>: unset falls back to <see cref="ApplicationRoot"/>.</summary>
    public string? CookiePath { get; init; }

    /// <summary><c>APPLICATION_ROOT</c>, the cookie path when <see cref="CookiePath"/> is unset.</summary>
    public string ApplicationRoot { get; init; } = "/";

    /// <summary><c>SESSION_COOKIE_HTTPONLY</c>.</summary>
    public bool CookieHttpOnly { get; init; } = true;

    /// <summary><c>SESSION_COOKIE_SECURE</c>.</summary>
    public bool CookieSecure { get; init; }

    /// <summary><c>SESSION_COOKIE_SAMESITE</c>: null, <c>Strict</c>, <c>Lax</c> or <c>None</c> (any case).</summary>
    public string? CookieSameSite { get; init; }

    /// <summary><c>SESSION_COOKIE_PARTITIONED</c> (Flask 3.1): adds <c>Partitioned</c> and forces <c>Secure</c>.</summary>
    public bool CookiePartitioned { get; init; }

    /// <summary><c>SESSION_REFRESH_EACH_REQUEST</c>: a permanent session's cookie is re-sent on every request.</summary>
    public bool RefreshEachRequest { get; init; } = true;

    /// <summary><c>MAX_COOKIE_SIZE</c> (4093): larger cookies are still sent, but flagged (Werkzeug warns).</summary>
    public int MaxCookieSize { get; init; } = 4093;

    /// <summary>The effective cookie path: <see cref="CookiePath"/>, else <see cref="ApplicationRoot"/> (Flask's <c>get_cookie_path</c>).</summary>
    public string EffectiveCookiePath => string.IsNullOrEmpty(CookiePath) ? ApplicationRoot : CookiePath;

    /// <summary>
    /// Reads Flask's keys from a config mapping; missing keys keep their defaults. Accepts strings or
    /// UTF-8 <c>byte[]</c> for keys, a <see cref="TimeSpan"/> or seconds for the lifetime.
    /// </summary>
    /// <exception cref="ArgumentException">A key holds a value of the wrong type.</exception>
    public static SessionOptions FromConfig(IEnumerable<KeyValuePair<string, object?>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var config = items as IReadOnlyDictionary<string, object?> ?? items.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var o = new SessionOptions();
        if (config.TryGetValue("SECRET_KEY", out var key))
        {
            o = o with { SecretKey = KeyText(key, "SECRET_KEY") };
        }
        if (config.TryGetValue("SECRET_KEY_FALLBACKS", out var fallbacks) && fallbacks is not null)
        {
            if (fallbacks is string || fallbacks is not IEnumerable list)
            {
                throw new ArgumentException("SECRET_KEY_FALLBACKS must be a list of keys.", nameof(items));
            }
            o = o with { SecretKeyFallbacks = list.Cast<object?>().Select(k => KeyText(k, "SECRET_KEY_FALLBACKS")).OfType<string>().ToArray() };
        }
        if (config.TryGetValue("PERMANENT_SESSION_LIFETIME", out var lifetime) && lifetime is not null)
        {
            o = o with
            {
                PermanentSessionLifetime = lifetime switch
                {
                    TimeSpan t => t,
                    string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => TimeSpan.FromSeconds(seconds),
                    string s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var t) => t,
                    IConvertible c when lifetime is not string => TimeSpan.FromSeconds(c.ToDouble(CultureInfo.InvariantCulture)),
                    _ => throw new ArgumentException("PERMANENT_SESSION_LIFETIME must be a TimeSpan or a number of seconds.", nameof(items)),
                }
            };
        }
        if (config.TryGetValue("SESSION_COOKIE_NAME", out var name) && name is not null)
        {
            o = o with { CookieName = Text(name, "SESSION_COOKIE_NAME")! };
        }
        if (config.TryGetValue("SESSION_COOKIE_DOMAIN", out var domain))
        {
            // Flask 2.2 cached False here; any falsy value means "no Domain attribute".
            o = o with { CookieDomain = domain is string d && d.Length > 0 ? d : null };
        }
        if (config.TryGetValue("SESSION_COOKIE_PATH", out var path))
        {
            o = o with { CookiePath = Text(path, "SESSION_COOKIE_PATH") };
        }
        if (config.TryGetValue("APPLICATION_ROOT", out var root) && root is not null)
        {
            o = o with { ApplicationRoot = Text(root, "APPLICATION_ROOT")! };
        }
        if (config.TryGetValue("SESSION_COOKIE_HTTPONLY", out var httpOnly))
        {
            o = o with { CookieHttpOnly = Flag(httpOnly) };
        }
        if (config.TryGetValue("SESSION_COOKIE_SECURE", out var secure))
        {
            o = o with { CookieSecure = Flag(secure) };
        }
        if (config.TryGetValue("SESSION_COOKIE_SAMESITE", out var sameSite))
        {
            o = o with { CookieSameSite = Text(sameSite, "SESSION_COOKIE_SAMESITE") };
        }
        if (config.TryGetValue("SESSION_COOKIE_PARTITIONED", out var partitioned))
        {
            o = o with { CookiePartitioned = Flag(partitioned) };
        }
        if (config.TryGetValue("SESSION_REFRESH_EACH_REQUEST", out var refresh))
        {
            o = o with { RefreshEachRequest = Flag(refresh) };
        }
        if (config.TryGetValue("MAX_COOKIE_SIZE", out var max) && max is IConvertible size && max is not string)
        {
            o = o with { MaxCookieSize = size.ToInt32(CultureInfo.InvariantCulture) };
        }
        return o;
    }

    private static string? KeyText(object? value, string name) => value switch
    {
        null => null,
        string s => s,
        byte[] bytes => DecodeKey(bytes, name),
        _ => throw new ArgumentException($"{name} must be a string or UTF-8 bytes, not {value.GetType().Name}."),
    };

    private static string DecodeKey(byte[] bytes, string name)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArgumentException($"{name} bytes must be valid UTF-8 (use a text key, e.g. secrets.token_hex()).", e);
        }
    }

    private static string? Text(object? value, string name) => value switch
    {
        null => null,
        string s => s,
        _ => throw new ArgumentException($"{name} must be a string, not {value.GetType().Name}."),
    };

    private static bool Flag(object? value) => SessionData.IsTruthy(value);
}
