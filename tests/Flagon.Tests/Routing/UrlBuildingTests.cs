using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class UrlBuildingTests
{
    private static MapAdapter Adapter(string scriptName = "", string scheme = "http") => Routes.Map(
        new Rule("/", "index"),
        new Rule("/user/<name>", "user"),
        new Rule("/search_get", "search", ["GET"]),
        new Rule("/search_post", "search", ["POST"])).Bind("example.org", scriptName, urlScheme: scheme);

    [Fact]
    public void VariablesArePercentQuotedWithWerkzeug3SafeSet()
    {
        Assert.Equal("/user/bob%20smith", Adapter().Build("user", Routes.Values(("name", "bob smith"))));
        Assert.Equal("/user/a&b=c@d%7Ce", Adapter().Build("user", Routes.Values(("name", "a&b=c@d|e"))));
        Assert.Equal("/user/x:y", Adapter().Build("user", Routes.Values(("name", "x:y"))));
    }

    [Fact]
    public void ExtraValuesGoToTheQueryString()
    {
        var url = Adapter().Build("index", Routes.Values(
            ("q", "a/b:c?d@e"), ("r", "a b&c=d+e~"), ("s", "x#y%z"), ("f", 0.00001), ("g", 1e16), ("h", 100.0), ("ü", "ß")));
        Assert.Equal("/?q=a/b:c?d@e&r=a+b%26c%3Dd%2Be~&s=x%23y%25z&f=1e-05&g=1e%2B16&h=100.0&%C3%BC=%C3%9F", url);
    }

    [Fact]
    public void ListsRepeatTheKeyAndNullsAreDropped()
    {
        var url = Adapter().Build("index", Routes.Values(("tags", new List<object?> { "x", null, 2L }), ("none", null), ("t", true)));
        Assert.Equal("/?tags=x&tags=2&t=True", url);
    }

    [Fact]
    public void AppendUnknownFalseDropsExtras()
        => Assert.Equal("/user/x", Adapter().Build("user", Routes.Values(("name", "x"), ("q", "1")), appendUnknown: false));

    [Fact]
    public void AnchorIsQuotedLikeFlask()
    {
        Assert.Equal("/#sec%201", Adapter().Build("index", anchor: "sec 1"));
        Assert.Equal("/?q=1#a#b?c%d%20%C3%BC", Adapter().Build("index", Routes.Values(("q", 1)), anchor: "a#b?c%d ü"));
    }

    [Fact]
    public void ExternalUrlsUseSchemeHostAndScriptRoot()
    {
        Assert.Equal("http://example.org/app/user/x", Adapter("/app").Build("user", Routes.Values(("name", "x")), forceExternal: true));
        Assert.Equal("https://example.org/app/", Adapter("/app").Build("index", forceExternal: true, urlScheme: "https"));
        Assert.Equal("http://example.org/", Adapter(scheme: "https").Build("index", forceExternal: true, urlScheme: "http"));
        Assert.Equal("//example.org/", Adapter(scheme: "").Build("index", forceExternal: true));
        Assert.Equal("/app/", Adapter("/app/").Build("index"));
    }

    [Fact]
    public void MethodSelectsTheRule()
    {
        Assert.Equal("/search_get", Adapter().Build("search"));
        Assert.Equal("/search_post", Adapter().Build("search", method: "POST"));
        Assert.Throws<BuildError>(() => Adapter().Build("search", method: "PUT"));
    }

    [Fact]
    public void DefaultMethodIsTriedFirst()
    {
        var map = Routes.Map(new Rule("/p", "e", ["POST"]), new Rule("/g", "e", ["GET"]));
        Assert.Equal("/g", map.Bind("x").Build("e"));
        Assert.Equal("/p", map.Bind("x", defaultMethod: "POST").Build("e"));
    }
}
