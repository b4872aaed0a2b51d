using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flagon.Jinja.Runtime;
using Flagon.Security;
using Flagon.Sessions;
using Flagon.Tests.Security;

namespace Flagon.Tests.Sessions;

/// <summary>Cookies minted by real Flask 2.2.2 (Fixtures/generate.py) are read by Flagon, and Flagon writes the same bytes.</summary>
public class FlaskCookieInteropTests
{
    private static readonly JsonElement Data = Fixtures.Load("Sessions", "flask_sessions.json");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Data.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }
        return data;
    }

    internal static JsonElement Case(string name) =>
        Data.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    internal static SecureCookieSessionCodec Codec(Fixtures.FixedClock? clock = null, IReadOnlyList<string>? fallbacks = null) =>
        new(new SessionOptions
        {
            SecretKey = Data.GetProperty("secret").GetString(),
            SecretKeyFallbacks = fallbacks ?? [],
            PermanentSessionLifetime = TimeSpan.FromSeconds(Data.GetProperty("lifetime_seconds").GetInt64()),
        }, clock ?? new Fixtures.FixedClock(Data.GetProperty("timestamp").GetInt64()));

    [Fact]
    public void FixtureHasManyCases() => Assert.True(Data.GetProperty("cases").GetArrayLength() >= 30);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FlagonReadsFlaskCookie(string name)
    {
        var c = Case(name);
        var session = Codec().Decode(c.GetProperty("cookie").GetString());
        Assert.NotNull(session);
        Fixtures.AssertJsonEqual(c.GetProperty("expect"), Describe(session.GetItemsForStorage()));
        Assert.False(session.Modified);
        Assert.False(session.Accessed);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TaggedJsonIsFlasksByteForByte(string name)
    {
        var c = Case(name);
        var session = Codec().Decode(c.GetProperty("cookie").GetString())!;
        Assert.Equal(c.GetProperty("json").GetString(), TaggedJsonSerializer.Instance.Dumps(session.GetItemsForStorage()));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FlagonWritesTheSameCookieAsFlask(string name)
    {
        var c = Case(name);
        var codec = Codec();
        var session = codec.Decode(c.GetProperty("cookie").GetString())!;
        Assert.Equal(c.GetProperty("cookie").GetString(), codec.Encode(session));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FlagonWritesTheSameSetCookieHeaderAsFlask(string name)
    {
        var c = Case(name);
        var codec = Codec();
        var session = codec.Decode(c.GetProperty("cookie").GetString())!;
        session.Modified = true;
        var action = SessionSavePolicy.Decide(session, codec.Options, codec.Clock.GetUtcNow(), codec.Encode);
        Assert.Equal(SessionCookieActionKind.Set, action.Kind);
        Assert.Equal(c.GetProperty("set_cookie").GetString(), action.Cookie!.ToSetCookieHeader());
    }

    /// <summary>The same typed description generate.py writes for Python values.</summary>
    internal static JsonNode Describe(object? v) => v switch
    {
        null => new JsonArray("none"),
        bool b => new JsonArray("bool", b),
        long l => new JsonArray("int", l.ToString(CultureInfo.InvariantCulture)),
        BigInteger bi => new JsonArray("int", bi.ToString(CultureInfo.InvariantCulture)),
        double d => new JsonArray("float", double.IsNaN(d) ? "nan" : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf" : PyFloatRepr(d)),
        Markup m => new JsonArray("markup", m.Value),
        string s => new JsonArray("str", s),
        byte[] bytes => new JsonArray("bytes", Convert.ToBase64String(bytes)),
        PyTuple t => new JsonArray("tuple", new JsonArray(t.Select(Describe).ToArray())),
        List<object?> list => new JsonArray("list", new JsonArray(list.Select(Describe).ToArray())),
        IEnumerable<KeyValuePair<string, object?>> dict => new JsonArray("dict", new JsonArray(dict.Select(e => (JsonNode)new JsonArray(e.Key, Describe(e.Value))).ToArray())),
        Guid g => new JsonArray("uuid", g.ToString("N")),
        DateTimeOffset dto => new JsonArray("datetime", dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException("Unexpected decoded type " + v.GetType()),
    };

    private static string PyFloatRepr(double d) => CompactJsonSerializer.Instance.Dumps(d);
}
