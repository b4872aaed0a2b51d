using Flagon.Sessions;

namespace Flagon.Tests.Sessions;

/// <summary>Flask's save_session decisions: when to set, delete or leave the cookie, and when to add Vary: Cookie.</summary>
public class SessionSavePolicyTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1700000000);
    private static readonly SessionOptions Options = new() { SecretKey = "k" };

    private static SessionCookieAction Decide(SessionData s, SessionOptions? o = null) =>
        SessionSavePolicy.Decide(s, o ?? Options, Now, _ => "VALUE");

    [Fact]
    public void UntouchedEmptySessionSendsNothing()
    {
        var a = Decide(new SessionData());
        Assert.Equal(SessionCookieActionKind.None, a.Kind);
        Assert.False(a.AddVaryCookie);
        Assert.Null(a.Cookie);
    }

    [Fact]
    public void ReadOnlyAccessAddsVaryOnly()
    {
        var s = new SessionData(new Dictionary<string, object?> { ["user_id"] = 1L });
        _ = s.ContainsKey("user_id");
        var a = Decide(s);
        Assert.Equal(SessionCookieActionKind.None, a.Kind);
        Assert.True(a.AddVaryCookie);
        var empty = new SessionData();
        _ = empty.Count;
        Assert.True(Decide(empty).AddVaryCookie);
    }

    [Fact]
    public void ModifiedSessionSetsABrowserSessionCookie()
    {
        var s = new SessionData { ["user_id"] = 1L };
        var a = Decide(s);
        Assert.Equal(SessionCookieActionKind.Set, a.Kind);
        Assert.True(a.AddVaryCookie);
        Assert.Equal("session=VALUE; HttpOnly; Path=/", a.Cookie!.ToSetCookieHeader());
        Assert.Null(a.Cookie.Expires);
    }

    [Fact]
    public void EmptiedSessionDeletesTheCookie()
    {
        var s = new SessionData(new Dictionary<string, object?> { ["user_id"] = 1L });
        s.Clear();
        var a = Decide(s);
        Assert.Equal(SessionCookieActionKind.Delete, a.Kind);
        Assert.True(a.AddVaryCookie);
        Assert.Equal("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/", a.Cookie!.ToSetCookieHeader());
    }

    [Fact]
    public void PermanentSessionsExpireAfterTheLifetimeAndRefreshEachRequest()
    {
        var s = new SessionData(new Dictionary<string, object?> { ["_permanent"] = true, ["user_id"] = 1L });
        var a = Decide(s);
        Assert.Equal(SessionCookieActionKind.Set, a.Kind); // not modified, but refreshed
        Assert.Equal(Now + TimeSpan.FromDays(31), a.Cookie!.Expires);
        Assert.Equal("session=VALUE; Expires=Fri, 15 Dec 2023 22:13:20 GMT; HttpOnly; Path=/", a.Cookie.ToSetCookieHeader());
        Assert.False(s.Accessed); // deciding does not count as an access
        var noRefresh = Decide(s, Options with { RefreshEachRequest = false });
        Assert.Equal(SessionCookieActionKind.None, noRefresh.Kind);
        Assert.False(noRefresh.AddVaryCookie);
    }

    [Fact]
    public void CookieAttributesFollowTheConfigInWerkzeugsOrder()
    {
        var o = Options with
        {
            CookieName = "sid",
            CookieDomain = ".Example.com:8080",
            CookiePath = "/app path",
            CookieHttpOnly = false,
            CookieSecure = true,
            CookieSameSite = "lax",
        };
        var a = Decide(new SessionData { ["a"] = 1L }, o);
        Assert.Equal("sid=VALUE; Domain=Example.com; Secure; Path=/app%20path; SameSite=Lax", a.Cookie!.ToSetCookieHeader());
        var partitioned = Decide(new SessionData { ["a"] = 1L }, Options with { CookiePartitioned = true, CookieSameSite = "None" });
        Assert.Equal("session=VALUE; Secure; HttpOnly; Path=/; SameSite=None; Partitioned", partitioned.Cookie!.ToSetCookieHeader());
        var root = Decide(new SessionData { ["a"] = 1L }, Options with { ApplicationRoot = "/prefix" });
        Assert.Equal("/prefix", root.Cookie!.Path);
        Assert.Throws<ArgumentException>(() => Decide(new SessionData { ["a"] = 1L }, Options with { CookieSameSite = "sometimes" }).Cookie!.ToSetCookieHeader());
        Assert.Equal("session=VALUE; Domain=xn--bcher-kva.example; HttpOnly; Path=/",
            Decide(new SessionData { ["a"] = 1L }, Options with { CookieDomain = "bücher.example" }).Cookie!.ToSetCookieHeader());
    }

    [Fact]
    public void OversizedCookiesAreFlagged()
    {
        var a = SessionSavePolicy.Decide(new SessionData { ["a"] = 1L }, Options, Now, _ => new string('x', 5000));
        Assert.True(a.TooLarge);
        Assert.False(Decide(new SessionData { ["a"] = 1L }).TooLarge);
    }

    [Fact]
    public void NullSessionsAreNeverWritten()
    {
        var s = SessionData.CreateNull();
        _ = s.Get("x");
        var a = Decide(s);
        Assert.Equal(SessionCookieActionKind.None, a.Kind);
    }
}
