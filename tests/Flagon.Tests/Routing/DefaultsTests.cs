using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class DefaultsTests
{
    private static MapAdapter Pages(bool redirectDefaults = true)
    {
        var map = new UrlMap { RedirectDefaults = redirectDefaults };
        map.Add(new Rule("/page/", "page", defaults: Routes.Values(("n", 1L))));
        map.Add(new Rule("/page/<int:n>", "page"));
        return map.Bind("example.org");
    }

    [Fact]
    public void DefaultsAreMergedIntoTheValues()
        => Assert.Equal(1L, Pages().AssertMatched("/page/", "page").Values["n"]);

    [Fact]
    public void TheDefaultValueRedirectsToTheRuleProvidingIt()
    {
        Pages().AssertRedirect("/page/1", "http://example.org/page/");
        Pages().AssertRedirect("/page/1", "http://example.org/page/?x=y", query: "x=y");
        Assert.Equal(2L, Pages().AssertMatched("/page/2", "page").Values["n"]);
    }

    [Fact]
    public void RedirectDefaultsOffMatchesDirectly()
        => Assert.Equal(1L, Pages(redirectDefaults: false).AssertMatched("/page/1", "page").Values["n"]);

    [Fact]
    public void BuildingPrefersTheRuleWithDefaults()
    {
        Assert.Equal("/page/", Pages().Build("page"));
        Assert.Equal("/page/", Pages().Build("page", Routes.Values(("n", 1L))));
        Assert.Equal("/page/", Pages().Build("page", Routes.Values(("n", 1.0))));
        Assert.Equal("/page/", Pages().Build("page", Routes.Values(("n", true))));
        Assert.Equal("/page/1", Pages().Build("page", Routes.Values(("n", "1"))));
        Assert.Equal("/page/2", Pages().Build("page", Routes.Values(("n", 2))));
    }

    [Fact]
    public void DefaultForAVariableOverridesTheUrlValue()
    {
        var a = Routes.Adapter(new Rule("/fixed/<int:n>", "fixed", defaults: Routes.Values(("n", 3L))));
        Assert.Equal(3L, a.AssertMatched("/fixed/4", "fixed").Values["n"]);
        Assert.Equal("/fixed/3", a.Build("fixed"));
        Assert.Throws<BuildError>(() => a.Build("fixed", Routes.Values(("n", 4L))));
    }

    [Fact]
    public void DefaultKeysAreNotPutInTheQuery()
    {
        var a = Routes.Adapter(new Rule("/extra/", "extra", defaults: Routes.Values(("kind", "x"))));
        Assert.Equal("/extra/?other=1", a.Build("extra", Routes.Values(("kind", "x"), ("other", 1))));
    }
}
