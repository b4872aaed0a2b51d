using System.Text.Json;
using Flagon.Sessions;
using Flagon.Tests.Security;

namespace Flagon.Tests.Sessions;

/// <summary>SECRET_KEY_FALLBACKS: sign with the current key, accept the old ones (Flask 3.1).</summary>
public class KeyRotationTests
{
    private static readonly JsonElement Data = Fixtures.Load("Sessions", "flask_sessions.json");
    private static readonly JsonElement Rotation = Data.GetProperty("fallbacks");

    [Fact]
    public void OldKeyCookiesAreReadThroughFallbacks()
    {
        string old = Rotation.GetProperty("old_cookie").GetString()!;
        Assert.Null(FlaskCookieInteropTests.Codec().Decode(old));
        var rotated = FlaskCookieInteropTests.Codec(fallbacks: [Data.GetProperty("old_secret").GetString()!]);
        var session = rotated.Decode(old);
        Assert.NotNull(session);
        Fixtures.AssertJsonEqual(Rotation.GetProperty("old_cookie_decoded_by_rotated"), FlaskCookieInteropTests.Describe(session.GetItemsForStorage()));
    }

    [Fact]
    public void NewCookiesAreSignedWithTheCurrentKey()
    {
        var rotated = FlaskCookieInteropTests.Codec(fallbacks: [Data.GetProperty("old_secret").GetString()!]);
        string written = rotated.Encode(new SessionData { ["user_id"] = 7L });
        Assert.Equal(Rotation.GetProperty("rotated_dumps").GetString(), written);
        Assert.Equal(Rotation.GetProperty("current_app_cookie").GetString(), written);
        // An app that has dropped the old key still reads it.
        Assert.NotNull(FlaskCookieInteropTests.Codec().Decode(written));
    }

    [Fact]
    public void ManyFallbacksInAnyOrderWork()
    {
        var codec = FlaskCookieInteropTests.Codec(fallbacks: ["a", Data.GetProperty("old_secret").GetString()!, "b"]);
        Assert.NotNull(codec.Decode(Rotation.GetProperty("old_cookie").GetString()));
        Assert.Null(FlaskCookieInteropTests.Codec(fallbacks: ["a", "b"]).Decode(Rotation.GetProperty("old_cookie").GetString()));
    }
}
