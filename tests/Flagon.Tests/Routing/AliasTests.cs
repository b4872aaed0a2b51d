using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class AliasTests
{
    private static MapAdapter Adapter() => Routes.Map(
        new Rule("/", "index"),
        new Rule("/index.html", "index", alias: true),
        new Rule("/users/", "users", defaults: Routes.Values(("page", 1L))),
        new Rule("/users/index.html", "users", defaults: Routes.Values(("page", 1L)), alias: true),
        new Rule("/users/page/<int:page>", "users"),
        new Rule("/users/page-<int:page>.html", "users", alias: true)).Bind("example.com");

    [Fact]
    public void AliasRedirectsToTheCanonicalRule()
    {
        Adapter().AssertRedirect("/index.html", "http://example.com/");
        Adapter().AssertRedirect("/users/index.html", "http://example.com/users/");
        Adapter().AssertRedirect("/users/page-2.html", "http://example.com/users/page/2");
        Adapter().AssertRedirect("/users/page-1.html", "http://example.com/users/");
        Adapter().AssertRedirect("/users/page-1.html", "http://example.com/users/?foo=bar", query: "foo=bar");
    }

    [Fact]
    public void BuildingNeverPicksAnAlias()
    {
        Assert.Equal("/", Adapter().Build("index"));
        Assert.Equal("/users/", Adapter().Build("users", Routes.Values(("page", 1L))));
        Assert.Equal("/users/page/2", Adapter().Build("users", Routes.Values(("page", 2L))));
    }
}
