using Flagon.Jinja.Runtime;
using Flagon.Sessions;
using Flagon.Tests.Security;

namespace Flagon.Tests.Sessions;

/// <summary>flash() and get_flashed_messages() over the session, in Flask's storage format.</summary>
public class FlashMessagesTests
{
    [Fact]
    public void FlashesAreStoredAsFlaskDoes()
    {
        var s = new SessionData();
        FlashMessages.Add(s, "Hello");
        FlashMessages.Add(s, new Markup("<i>bad</i>"), "error");
        FlashMessages.Add(s, "caf\u00e9", "info");
        Assert.True(s.Modified);
        var codec = FlaskCookieInteropTests.Codec();
        Assert.Equal(FlaskCookieInteropTests.Case("flashes").GetProperty("cookie").GetString(), codec.Encode(s));
    }

    [Fact]
    public void PopReadsFlaskFlashesOnce()
    {
        var codec = FlaskCookieInteropTests.Codec();
        var s = codec.Decode(FlaskCookieInteropTests.Case("flashes").GetProperty("cookie").GetString())!;
        var flashes = FlashMessages.Pop(s);
        Assert.Equal(3, flashes.Count);
        Assert.Equal(new PyTuple("message", "Hello"), flashes[0]);
        Assert.True(s.Modified);
        Assert.Empty(FlashMessages.Pop(s));
        Assert.Equal(new object?[] { "Hello", new Markup("<i>bad</i>"), "caf\u00e9" }, FlashMessages.Select(flashes));
        Assert.Equal(new object?[] { new PyTuple("error", new Markup("<i>bad</i>")) }, FlashMessages.Select(flashes, withCategories: true, categoryFilter: ["error"]));
        Assert.Equal(new object?[] { "Hello", "caf\u00e9" }, FlashMessages.Select(flashes, categoryFilter: ["message", "info"]));
    }

    [Fact]
    public void PopWithoutFlashesDoesNotModify()
    {
        var s = new SessionData(new Dictionary<string, object?> { ["a"] = 1L });
        Assert.Empty(FlashMessages.Pop(s));
        Assert.False(s.Modified);
        Assert.True(s.Accessed);
    }
}
