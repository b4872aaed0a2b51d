using System.Text;
using Flagon.Sessions;

namespace Flagon.Tests.Sessions;

/// <summary>Session options from Flask's config keys, with Flask 3.1's defaults.</summary>
public class SessionOptionsTests
{
    [Fact]
    public void DefaultsAreFlasks()
    {
        var o = SessionOptions.FromConfig(new Dictionary<string, object?>());
        Assert.Null(o.SecretKey);
        Assert.Empty(o.SecretKeyFallbacks);
        Assert.Equal(TimeSpan.FromDays(31), o.PermanentSessionLifetime);
        Assert.Equal("session", o.CookieName);
        Assert.Null(o.CookieDomain);
        Assert.Equal("/", o.EffectiveCookiePath);
        Assert.True(o.CookieHttpOnly);
        Assert.False(o.CookieSecure);
        Assert.Null(o.CookieSameSite);
        Assert.False(o.CookiePartitioned);
        Assert.True(o.RefreshEachRequest);
        Assert.Equal(4093, o.MaxCookieSize);
    }

    [Fact]
    public void ReadsEveryKey()
    {
        var o = SessionOptions.FromConfig(new Dictionary<string, object?>
        {
            ["SECRET_KEY"] = Encoding.UTF8.GetBytes("bytes-key"),
            ["SECRET_KEY_FALLBACKS"] = new List<object?> { "old1", "old2" },
            ["PERMANENT_SESSION_LIFETIME"] = 3600,
            ["SESSION_COOKIE_NAME"] = "sid",
            ["SESSION_COOKIE_DOMAIN"] = "example.com",
            ["SESSION_COOKIE_PATH"] = "/x",
            ["APPLICATION_ROOT"] = "/root",
            ["SESSION_COOKIE_HTTPONLY"] = false,
            ["SESSION_COOKIE_SECURE"] = true,
            ["SESSION_COOKIE_SAMESITE"] = "Strict",
            ["SESSION_COOKIE_PARTITIONED"] = true,
            ["SESSION_REFRESH_EACH_REQUEST"] = false,
            ["MAX_COOKIE_SIZE"] = 0,
        });
        Assert.Equal("bytes-key", o.SecretKey);
        Assert.Equal(["old1", "old2"], o.SecretKeyFallbacks);
        Assert.Equal(TimeSpan.FromHours(1), o.PermanentSessionLifetime);
        Assert.Equal("sid", o.CookieName);
        Assert.Equal("example.com", o.CookieDomain);
        Assert.Equal("/x", o.EffectiveCookiePath);
        Assert.Equal("/root", o.ApplicationRoot);
        Assert.False(o.CookieHttpOnly);
        Assert.True(o.CookieSecure);
        Assert.Equal("Strict", o.CookieSameSite);
        Assert.True(o.CookiePartitioned);
        Assert.False(o.RefreshEachRequest);
        Assert.Equal(0, o.MaxCookieSize);
    }

    [Fact]
    public void LifetimeAcceptsTimeSpansAndSecondStrings()
    {
        Assert.Equal(TimeSpan.FromDays(2), SessionOptions.FromConfig(new Dictionary<string, object?> { ["PERMANENT_SESSION_LIFETIME"] = TimeSpan.FromDays(2) }).PermanentSessionLifetime);
        Assert.Equal(TimeSpan.FromSeconds(90), SessionOptions.FromConfig(new Dictionary<string, object?> { ["PERMANENT_SESSION_LIFETIME"] = "90" }).PermanentSessionLifetime);
        Assert.Equal(TimeSpan.FromHours(2), SessionOptions.FromConfig(new Dictionary<string, object?> { ["PERMANENT_SESSION_LIFETIME"] = "02:00:00" }).PermanentSessionLifetime);
    }

    [Fact]
    public void AnySequenceOfPairsWorksAndLaterKeysWin()
    {
        var pairs = new List<KeyValuePair<string, object?>> { new("SECRET_KEY", "a"), new("SECRET_KEY", "b"), new("SESSION_COOKIE_NAME", "x") };
        var o = SessionOptions.FromConfig(pairs);
        Assert.Equal("b", o.SecretKey);
        Assert.Equal("x", o.CookieName);
    }

    [Fact]
    public void FalsyDomainMeansNone() =>
        Assert.Null(SessionOptions.FromConfig(new Dictionary<string, object?> { ["SESSION_COOKIE_DOMAIN"] = false }).CookieDomain);

    [Fact]
    public void WrongTypesAreClearErrors()
    {
        Assert.Throws<ArgumentException>(() => SessionOptions.FromConfig(new Dictionary<string, object?> { ["SECRET_KEY"] = 42 }));
        Assert.Throws<ArgumentException>(() => SessionOptions.FromConfig(new Dictionary<string, object?> { ["SECRET_KEY"] = new byte[] { 0xff, 0xfe } }));
        Assert.Throws<ArgumentException>(() => SessionOptions.FromConfig(new Dictionary<string, object?> { ["SECRET_KEY_FALLBACKS"] = "single" }));
        Assert.Throws<ArgumentException>(() => SessionOptions.FromConfig(new Dictionary<string, object?> { ["PERMANENT_SESSION_LIFETIME"] = "soon" }));
    }
}
