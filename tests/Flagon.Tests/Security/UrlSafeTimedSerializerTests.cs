using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Flagon.Security;

namespace Flagon.Tests.Security;

/// <summary>URL-safe timed serialization matches itsdangerous' default (compact JSON, zlib when shorter).</summary>
public class UrlSafeTimedSerializerTests
{
    private static readonly JsonElement Data = Fixtures.Load("Security", "itsdangerous.json");

    private static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number when e.TryGetInt64(out var l) => l,
        JsonValueKind.Number when !e.GetRawText().Contains('.') => BigInteger.Parse(e.GetRawText(), CultureInfo.InvariantCulture),
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(ToValue).ToList(),
        _ => e.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value)),
    };

    [Fact]
    public void DumpsLikeItsdangerous()
    {
        var clock = new Fixtures.FixedClock(Data.GetProperty("timestamp").GetInt64());
        int count = 0;
        foreach (var row in Data.GetProperty("serializers").EnumerateArray().Where(r => !r.TryGetProperty("keys", out _)))
        {
            var s = new UrlSafeTimedSerializer("secret-key", row.GetProperty("salt").GetString()!, clock: clock);
            var value = ToValue(row.GetProperty("value"));
            Assert.Equal(row.GetProperty("json").GetString(), s.Serializer.Dumps(value));
            Assert.Equal(row.GetProperty("signed").GetString(), s.Dumps(value));
            Assert.Equal(s.Serializer.Dumps(value), s.Serializer.Dumps(s.Loads(row.GetProperty("signed").GetString()!, TimeSpan.FromSeconds(1))));
            count++;
        }
        Assert.Equal(14, count);
    }

    [Fact]
    public void RotatedKeysRoundTrip()
    {
        var row = Data.GetProperty("serializers").EnumerateArray().Single(r => r.TryGetProperty("keys", out _));
        var clock = new Fixtures.FixedClock(Data.GetProperty("timestamp").GetInt64());
        var s = new UrlSafeTimedSerializer(row.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!), clock: clock);
        Assert.Equal(row.GetProperty("signed").GetString(), s.Dumps(new Dictionary<string, object?> { ["rotated"] = true }));
        var loaded = Assert.IsType<Dictionary<string, object?>>(s.Loads(row.GetProperty("old_signed").GetString()!));
        Assert.Equal(true, loaded["rotated"]);
    }

    [Fact]
    public void BadPayloadsRaiseBadPayloadAndTryLoadsNeverThrows()
    {
        var clock = new Fixtures.FixedClock(1700000000);
        var s = new UrlSafeTimedSerializer("k", clock: clock);
        string Sign(string payload) => s.Signer.Sign(payload);
        Assert.Throws<BadPayload>(() => s.Loads(Sign("!!!!")));
        Assert.Throws<BadPayload>(() => s.Loads(Sign("." + Base64Url.Encode("not zlib"u8))));
        Assert.Throws<BadPayload>(() => s.Loads(Sign(Base64Url.Encode("{\"a\":"u8))));
        Assert.Throws<BadPayload>(() => s.Loads(Sign(Base64Url.Encode([0x22, 0xff, 0x22]))));
        Assert.Throws<BadTimeSignature>(() => s.Loads(Sign(Base64Url.Encode("1"u8)) + "x"));
        foreach (var bad in new[] { Sign("!!!!"), Sign(Base64Url.Encode("{"u8)), "", "a.b.c", "....", null })
        {
            Assert.False(s.TryLoads(bad, null, out var value));
            Assert.Null(value);
        }
        Assert.True(s.TryLoads(s.Dumps(new List<object?> { 1L }), TimeSpan.FromSeconds(5), out var ok));
        Assert.Equal(new List<object?> { 1L }, ok);
    }

    [Fact]
    public void CompressesOnlyWhenShorter()
    {
        var s = new UrlSafeTimedSerializer("k");
        Assert.StartsWith(".", s.DumpPayload(new string('x', 100)));
        Assert.DoesNotContain(".", s.DumpPayload("short"));
    }
}
