using System.Text.Json;
using Flagon.Sessions;
using Flagon.Tests.Security;

namespace Flagon.Tests.Sessions;

/// <summary>Tampered, expired, malformed and oversized cookies decode to null (an empty session), never an exception.</summary>
public class BadCookieTests
{
    private static readonly JsonElement Data = Fixtures.Load("Sessions", "flask_sessions.json");

    public static TheoryData<string> BadNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Data.GetProperty("bad").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public void FlaskVerdictsAreMatched(string name)
    {
        var c = Data.GetProperty("bad").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var session = FlaskCookieInteropTests.Codec().Decode(c.GetProperty("cookie").GetString());
        string flask = c.GetProperty("flask").GetString()!;
        if (name == "too_long")
        {
            // Deliberate deviation: Flask reads any length; Flagon refuses values over 8192 characters unread.
            Assert.Equal("ok", flask);
            Assert.True(c.GetProperty("cookie").GetString()!.Length > SecureCookieSessionCodec.MaxCookieValueLength);
            Assert.Null(session);
        }
        else if (flask == "ok")
        {
            Assert.NotNull(session);
            Fixtures.AssertJsonEqual(c.GetProperty("expect"), FlaskCookieInteropTests.Describe(session.GetItemsForStorage()));
        }
        else
        {
            // Flask gives an empty session ("empty"), or a 500 for validly signed garbage ("error"); Flagon gives null for both.
            Assert.Contains(flask, new[] { "empty", "error" });
            Assert.Null(session);
        }
    }

    [Fact]
    public void EverySingleCharacterChangeIsRejected()
    {
        string cookie = FlaskCookieInteropTests.Case("mixed_everything").GetProperty("cookie").GetString()!;
        var codec = FlaskCookieInteropTests.Codec();
        Assert.NotNull(codec.Decode(cookie));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < cookie.Length; i++)
        {
            int v = alphabet.IndexOf(cookie[i]);
            // Flip the high bit of the character's 6-bit value, so the decoded bytes really change.
            char replacement = v < 0 ? 'A' : alphabet[v ^ 32];
            string mutated = cookie[..i] + replacement + cookie[(i + 1)..];
            Assert.Null(codec.Decode(mutated));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\u0000\u0001")]
    [InlineData("a..")]
    [InlineData("..a")]
    [InlineData("=.=.=")]
    [InlineData("eyJ1c2VyX2lkIjo0Mn0.ZVPxAA.")]
    [InlineData(".eJw.ZVPxAA.OtBysH4RPdCDvxgcORIobTuaC64")]
    public void GarbageIsNull(string? cookie) => Assert.Null(FlaskCookieInteropTests.Codec().Decode(cookie));

    [Fact]
    public void AgeIsCheckedAgainstTheGivenMaxAge()
    {
        string cookie = FlaskCookieInteropTests.Case("user_id").GetProperty("cookie").GetString()!;
        var clock = new Fixtures.FixedClock(Data.GetProperty("timestamp").GetInt64() + 3600);
        var codec = FlaskCookieInteropTests.Codec(clock);
        Assert.NotNull(codec.Decode(cookie, TimeSpan.FromHours(1)));
        Assert.Null(codec.Decode(cookie, TimeSpan.FromSeconds(3599)));
        Assert.NotNull(codec.Decode(cookie, null));
        Assert.NotNull(codec.Decode(cookie)); // PERMANENT_SESSION_LIFETIME, 31 days
        clock.Now = clock.Now.AddDays(31);
        Assert.Null(codec.Decode(cookie));
    }

    [Fact]
    public void SignedZipBombIsRefused()
    {
        var codec = FlaskCookieInteropTests.Codec();
        var big = new SessionData { ["data"] = new string('x', 2_000_000) };
        string cookie = codec.Encode(big);
        Assert.True(cookie.Length < SecureCookieSessionCodec.MaxCookieValueLength);
        Assert.Null(codec.Decode(cookie));
    }

    [Fact]
    public void DeeplyNestedSignedPayloadIsRefusedWithoutCrashing()
    {
        var codec = FlaskCookieInteropTests.Codec();
        string json = "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}";
        string payload = "." + Flagon.Security.Base64Url.Encode(Flagon.Security.ZlibDeflater.Compress(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Null(codec.Decode(codec.Serializer.Signer.Sign(payload)));
    }
}
