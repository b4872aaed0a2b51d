using System.Text.Json;
using Flagon.Security;

namespace Flagon.Tests.Security;

/// <summary>Timestamps encode as itsdangerous does; age checks raise the distinct itsdangerous errors.</summary>
public class TimestampSignerTests
{
    private static readonly JsonElement Data = Fixtures.Load("Security", "itsdangerous.json");

    [Fact]
    public void TimestampsEncodeLikeItsdangerous()
    {
        foreach (var row in Data.GetProperty("timestamps").EnumerateArray())
        {
            long ts = row.GetProperty("timestamp").GetInt64();
            var signer = new TimestampSigner("secret-key", clock: new Fixtures.FixedClock(DateTimeOffset.UnixEpoch));
            Assert.Equal(row.GetProperty("signed").GetString(), signer.Sign("value", ts));
            Assert.True(TimestampSigner.TryDecodeTimestamp(row.GetProperty("signed").GetString()!.Split('.')[1], out var decoded));
            Assert.Equal((ulong)ts, decoded);
        }
        Assert.Equal("ZVPxAA", TimestampSigner.EncodeTimestamp(1700000000));
    }

    [Fact]
    public void SignUsesTheClock()
    {
        var clock = new Fixtures.FixedClock(1700000000);
        var signer = new TimestampSigner("secret-key", clock: clock);
        var row = Data.GetProperty("timestamps").EnumerateArray().Single(r => r.GetProperty("timestamp").GetInt64() == 1700000000);
        Assert.Equal(row.GetProperty("signed").GetString(), signer.Sign("value"));
        var (value, when) = signer.UnsignWithTimestamp(signer.Sign("value"), TimeSpan.FromSeconds(10));
        Assert.Equal("value", value);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), when);
    }

    [Fact]
    public void MaxAgeIsInclusiveAndFutureStampsExpire()
    {
        var clock = new Fixtures.FixedClock(1700000000);
        var signer = new TimestampSigner("k", clock: clock);
        string signed = signer.Sign("v");
        clock.Now = clock.Now.AddSeconds(100);
        Assert.Equal("v", signer.Unsign(signed, TimeSpan.FromSeconds(100)));
        Assert.Equal("v", signer.Unsign(signed, TimeSpan.FromSeconds(100.9))); // whole seconds, as Flask's int(total_seconds())
        var expired = Assert.Throws<SignatureExpired>(() => signer.Unsign(signed, TimeSpan.FromSeconds(99)));
        Assert.Equal("Signature age 100 > 99 seconds", expired.Message);
        Assert.Equal("v", expired.Payload);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), expired.DateSigned);
        clock.Now = DateTimeOffset.FromUnixTimeSeconds(1700000000 - 5);
        var future = Assert.Throws<SignatureExpired>(() => signer.Unsign(signed, TimeSpan.FromDays(1)));
        Assert.Equal("Signature age -5 < 0 seconds", future.Message);
        Assert.Equal("v", signer.Unsign(signed)); // no max age: no age check
    }

    [Fact]
    public void ErrorsAreDistinguished()
    {
        var signer = new TimestampSigner("k", clock: new Fixtures.FixedClock(1700000000));
        string signed = signer.Sign("v");
        var bad = Assert.Throws<BadTimeSignature>(() => signer.Unsign("w" + signed[1..]));
        Assert.IsNotType<SignatureExpired>(bad);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), bad.DateSigned);
        // A plain Signer's output has a valid signature but no timestamp.
        var plain = new Signer("k").Sign("v");
        var missing = Assert.Throws<BadTimeSignature>(() => new TimestampSigner("k").Unsign(plain));
        Assert.Equal("timestamp missing", missing.Message);
        // No separator at all is a plain BadSignature.
        var none = Assert.Throws<BadSignature>(() => signer.Unsign("nothing"));
        Assert.IsNotType<BadTimeSignature>(none);
        // A signed but undecodable timestamp.
        string value = "v.!!";
        var malformed = Assert.Throws<BadTimeSignature>(() => signer.Unsign(value + "." + signer.GetSignature(value)));
        Assert.Equal("Malformed timestamp", malformed.Message);
        Assert.Equal(SignatureStatus.BadTimestamp, signer.TryUnsign(value + "." + signer.GetSignature(value), null, out _, out _));
        Assert.Equal(SignatureStatus.Valid, signer.TryUnsign(signed, null, out var v, out var ts));
        Assert.Equal("v", v);
        Assert.Equal(1700000000UL, ts);
    }

    [Fact]
    public void TimestampsLongerThanEightBytesAreMalformed()
    {
        Assert.False(TimestampSigner.TryDecodeTimestamp("AAAAAAAAAAAA", out _));
        Assert.True(TimestampSigner.TryDecodeTimestamp("", out var zero));
        Assert.Equal(0UL, zero);
    }
}
