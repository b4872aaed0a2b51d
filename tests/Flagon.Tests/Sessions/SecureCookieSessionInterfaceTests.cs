using Flagon.Sessions;
using Flagon.Tests.Security;
using Microsoft.AspNetCore.Http;

namespace Flagon.Tests.Sessions;

/// <summary>The cookie session store over ASP.NET Core's HttpContext, as the app will call it.</summary>
public class SecureCookieSessionInterfaceTests
{
    private static readonly Fixtures.FixedClock Clock = new(1700000000);

    private static DefaultHttpContext Request(string? cookie = null)
    {
        var ctx = new DefaultHttpContext();
        if (cookie is not null)
        {
            ctx.Request.Headers.Cookie = cookie;
        }
        return ctx;
    }

    private static SessionOptions Options => new()
    {
        SecretKey = "flagon-fixture-secret",
        PermanentSessionLifetime = TimeSpan.FromDays(31),
    };

    [Fact]
    public async Task OpensAFlaskCookieAndWritesItBackIdentically()
    {
        var iface = new SecureCookieSessionInterface(Clock);
        string cookie = FlaskCookieInteropTests.Case("flashes").GetProperty("cookie").GetString()!;
        var ctx = Request("other=1; session=" + cookie);
        var session = await iface.OpenSessionAsync(ctx, Options);
        Assert.NotNull(session);
        Assert.Equal(3, session.Get("_flashes") is List<object?> l ? l.Count : -1);
        session.Modified = true;
        await iface.SaveSessionAsync(ctx, Options, session);
        Assert.Equal(FlaskCookieInteropTests.Case("flashes").GetProperty("set_cookie").GetString(), ctx.Response.Headers.SetCookie.ToString());
        Assert.Equal("Cookie", ctx.Response.Headers.Vary.ToString());
    }

    [Fact]
    public async Task BadCookieGivesAnEmptySession()
    {
        var iface = new SecureCookieSessionInterface(Clock);
        var session = await iface.OpenSessionAsync(Request("session=tampered.cookie.value"), Options);
        Assert.NotNull(session);
        Assert.Empty(session.GetItemsForStorage());
        Assert.False(session.IsNull);
    }

    [Fact]
    public async Task MissingSecretKeyGivesANullSessionThatFailsOnWrite()
    {
        ISessionInterface iface = new SecureCookieSessionInterface(Clock);
        var ctx = Request("session=whatever");
        var opened = await iface.OpenSessionAsync(ctx, new SessionOptions());
        Assert.Null(opened);
        var session = iface.MakeNullSession();
        Assert.True(iface.IsNullSession(session));
        Assert.Null(session.Get("user_id")); // reading is fine
        var e = Assert.Throws<InvalidOperationException>(() => session["user_id"] = 1L);
        Assert.StartsWith("The session is unavailable because no secret key was set.", e.Message, StringComparison.Ordinal);
        await iface.SaveSessionAsync(ctx, new SessionOptions(), session); // a null session is never saved
        Assert.Equal(0, ctx.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public void NullSessionHelpersAreOnTheClassToo()
    {
        var iface = new SecureCookieSessionInterface();
        Assert.True(iface.IsNullSession(iface.MakeNullSession()));
        Assert.False(iface.IsNullSession(new SessionData()));
    }

    [Fact]
    public void CodecNeedsASecretKey()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new SecureCookieSessionCodec(new SessionOptions()));
        Assert.Equal(SessionData.NoSecretKeyMessage, e.Message);
    }

    [Fact]
    public async Task VaryIsAddedOnceAndMerged()
    {
        var iface = new SecureCookieSessionInterface(Clock);
        var ctx = Request();
        ctx.Response.Headers.Vary = "Accept-Encoding";
        var session = (await iface.OpenSessionAsync(ctx, Options))!;
        session["a"] = 1L;
        await iface.SaveSessionAsync(ctx, Options, session);
        SecureCookieSessionInterface.AddVary(ctx.Response, "cookie");
        Assert.Equal("Accept-Encoding, Cookie", ctx.Response.Headers.Vary.ToString());
    }

    [Fact]
    public async Task EmptiedSessionDeletesTheCookie()
    {
        var iface = new SecureCookieSessionInterface(Clock);
        string cookie = FlaskCookieInteropTests.Case("user_id").GetProperty("cookie").GetString()!;
        var ctx = Request("session=" + cookie);
        var session = (await iface.OpenSessionAsync(ctx, Options))!;
        Assert.Equal(42L, session.Pop("user_id"));
        await iface.SaveSessionAsync(ctx, Options, session);
        Assert.Equal("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/", ctx.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public void CodecIsCachedPerOptionsInstance()
    {
        var iface = new SecureCookieSessionInterface(Clock);
        var o = Options;
        Assert.Same(iface.GetCodec(o), iface.GetCodec(o));
        Assert.NotSame(iface.GetCodec(o), iface.GetCodec(o with { SecretKey = "other" }));
        Assert.Null(iface.GetCodec(new SessionOptions { SecretKey = "" }));
    }
}
