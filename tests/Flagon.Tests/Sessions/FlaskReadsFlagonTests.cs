using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flagon.Jinja.Runtime;
using Flagon.Sessions;
using Flagon.Tests.Security;

namespace Flagon.Tests.Sessions;

/// <summary>
/// Cookies Flagon writes from .NET values are read by real Flask. Fixtures/verify_flagon.py decoded
/// these exact cookies with Flask 2.2.2 and recorded what Flask saw (flagon_minted.json); this test
/// proves Flagon still writes those same bytes. To refresh after a deliberate change: run the tests with
/// FLAGON_MINT_OUTPUT=/tmp/minted.json, then /usr/bin/python3 verify_flagon.py /tmp/minted.json.
/// </summary>
public class FlaskReadsFlagonTests
{
    private static readonly JsonElement Data = Fixtures.Load("Sessions", "flask_sessions.json");

    internal static Dictionary<string, SessionData> Sessions() => new()
    {
        ["dotnet_scalars"] = new SessionData { ["int"] = 1, ["long"] = long.MaxValue, ["ulong"] = ulong.MaxValue, ["double"] = 0.1, ["float"] = 1.5f, ["bool"] = true, ["null"] = null, ["char"] = 'c' },
        ["dotnet_big"] = new SessionData { ["big"] = BigInteger.Pow(2, 100), ["neg"] = -BigInteger.Pow(7, 40) },
        ["dotnet_tuples"] = new SessionData { ["vt"] = ("info", 2), ["t"] = Tuple.Create(1, "x"), ["py"] = new PyTuple("a", new PyTuple()) },
        ["dotnet_dates"] = new SessionData
        {
            ["utc"] = new DateTime(2024, 2, 29, 12, 30, 45, DateTimeKind.Utc),
            ["offset"] = new DateTimeOffset(2024, 2, 29, 12, 30, 45, TimeSpan.FromHours(-5)),
            ["date"] = new DateOnly(2024, 2, 29),
        },
        ["dotnet_other"] = new SessionData
        {
            ["guid"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["bytes"] = new byte[] { 1, 2, 3, 255 },
            ["markup"] = new Markup("<em>hi</em>"),
            ["decimal"] = 12.50m,
        },
        ["dotnet_collections"] = new SessionData
        {
            ["array"] = new[] { 1, 2, 3 },
            ["dict"] = new Dictionary<string, object?> { ["z"] = 1, ["a"] = new List<string> { "x", "y" } },
            ["pydict"] = new PyDict { ["k"] = "v" },
            ["tagkey"] = new Dictionary<string, object?> { [" m"] = "not markup" },
        },
        ["dotnet_flash_permanent"] = MakeFlashed(),
        ["dotnet_compressible"] = new SessionData { ["text"] = string.Concat(Enumerable.Repeat("Flagon and Flask share cookies. ", 30)), ["unicode"] = "\u00fc\u00df\u6f22\U0001F600" },
    };

    private static SessionData MakeFlashed()
    {
        var s = new SessionData { ["user_id"] = 3 };
        s.Permanent = true;
        FlashMessages.Add(s, "Logged in.");
        FlashMessages.Add(s, "Careful", "warning");
        return s;
    }

    [Fact]
    public void FlaskDecodesWhatFlagonWrites()
    {
        var codec = FlaskCookieInteropTests.Codec();
        var sessions = Sessions();
        var minted = sessions.ToDictionary(e => e.Key, e => codec.Encode(e.Value));
        if (Environment.GetEnvironmentVariable("FLAGON_MINT_OUTPUT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(minted));
        }
        var fixture = Fixtures.Load("Sessions", "flagon_minted.json");
        Assert.Equal(sessions.Count, fixture.GetProperty("cookies").GetArrayLength());
        foreach (var row in fixture.GetProperty("cookies").EnumerateArray())
        {
            string name = row.GetProperty("name").GetString()!;
            Assert.Equal(row.GetProperty("cookie").GetString(), minted[name]);
            Assert.Equal("ok", row.GetProperty("flask").GetString());
            // What Flask decoded is what Flagon decodes from the same cookie.
            Fixtures.AssertJsonEqual(row.GetProperty("flask_decoded"), FlaskCookieInteropTests.Describe(codec.Decode(minted[name])!.GetItemsForStorage()));
        }
    }
}
