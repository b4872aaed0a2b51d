using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Flagon.Sessions;

/// <summary>
/// The default session store: the whole session in a signed cookie, in Flask's format
/// (<see cref="SecureCookieSessionCodec"/>), written with Flask's rules (<see cref="SessionSavePolicy"/>).
/// Without a secret key, <see cref="OpenSessionAsync"/> returns null and the app uses a null session,
/// whose first write throws Flask's "no secret key" error.
/// </summary>
public class SecureCookieSessionInterface : ISessionInterface
{
    private readonly TimeProvider _clock;
    private volatile CodecCache? _cache;

    /// <summary>Creates the interface; <paramref name="clock"/> stamps and ages cookies (the system clock by default).</summary>
    public SecureCookieSessionInterface(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>The codec for <paramref name="options"/>, or null when no secret key is set. Cached per options instance.</summary>
    public SecureCookieSessionCodec? GetCodec(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.SecretKey))
        {
            return null;
        }
        var cache = _cache;
        if (cache is not null && ReferenceEquals(cache.Options, options))
        {
            return cache.Codec;
        }
        var codec = new SecureCookieSessionCodec(options, _clock);
        _cache = new CodecCache(options, codec);
        return codec;
    }

    /// <inheritdoc />
    public virtual SessionData MakeNullSession() => SessionData.CreateNull();

    /// <inheritdoc />
    public virtual bool IsNullSession(SessionData session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.IsNull;
    }

    /// <inheritdoc />
    public virtual ValueTask<SessionData?> OpenSessionAsync(HttpContext context, SessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var codec = GetCodec(options);
        if (codec is null)
        {
            return ValueTask.FromResult<SessionData?>(null);
        }
        string? value = context.Request.Cookies[options.CookieName];
        return ValueTask.FromResult<SessionData?>(codec.Decode(value) ?? new SessionData());
    }

    /// <inheritdoc />
    public virtual ValueTask SaveSessionAsync(HttpContext context, SessionOptions options, SessionData session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsNull)
        {
            return ValueTask.CompletedTask;
        }
        var action = SessionSavePolicy.Decide(session, options, _clock.GetUtcNow(), s =>
            (GetCodec(options) ?? throw new InvalidOperationException(SessionData.NoSecretKeyMessage)).Encode(s));
        Apply(context.Response, action);
        if (action.TooLarge)
        {
            context.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Flagon.Sessions")
                .LogWarning("The '{Name}' cookie is larger than {Max} bytes; browsers may silently ignore it.", options.CookieName, options.MaxCookieSize);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes an action to a response: <c>Vary: Cookie</c> (once) and the <c>Set-Cookie</c> header in Werkzeug's layout.</summary>
    public static void Apply(HttpResponse response, SessionCookieAction action)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(action);
        if (action.AddVaryCookie)
        {
            AddVary(response, "Cookie");
        }
        if (action.Cookie is not null && action.Kind != SessionCookieActionKind.None)
        {
            response.Headers.Append(HeaderNames.SetCookie, action.Cookie.ToSetCookieHeader());
        }
    }

    /// <summary>Adds <paramref name="field"/> to the Vary header unless it (or <c>*</c>) is already listed.</summary>
    public static void AddVary(HttpResponse response, string field)
    {
        var existing = response.Headers.Vary;
        foreach (var line in existing)
        {
            foreach (var part in (line ?? "").Split(','))
            {
                var name = part.Trim();
                if (name == "*" || string.Equals(name, field, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }
        response.Headers.Vary = StringValues.IsNullOrEmpty(existing) ? field : existing.ToString() + ", " + field;
    }

    private sealed record CodecCache(SessionOptions Options, SecureCookieSessionCodec Codec);
}
