using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class SubdomainTests
{
    private static UrlMap Map() => Routes.Map(
        new Rule("/", "index"),
        new Rule("/", "api_index", subdomain: "api"),
        new Rule("/users/<int:id>", "api_user", subdomain: "api"),
        new Rule("/", "user_home", subdomain: "<user>"),
        new Rule("/about", "about"));

    [Fact]
    public void SubdomainSelectsTheRules()
    {
        Map().Bind("example.com").AssertMatched("/", "index");
        Map().Bind("example.com", subdomain: "api").AssertMatched("/", "api_index");
        Assert.Equal(3L, Map().Bind("example.com", subdomain: "api").AssertMatched("/users/3", "api_user").Values["id"]);
        Assert.Equal("bob", Map().Bind("example.com", subdomain: "bob").AssertMatched("/", "user_home").Values["user"]);
        Map().Bind("example.com").AssertNotFound("/users/3");
        Map().Bind("example.com", subdomain: "api").AssertNotFound("/about");
    }

    [Fact]
    public void BuildingAcrossSubdomainsGivesAbsoluteUrls()
    {
        var a = Map().Bind("example.com");
        Assert.Equal("http://api.example.com/users/3", a.Build("api_user", Routes.Values(("id", 3L))));
        Assert.Equal("http://bob.example.com/", a.Build("user_home", Routes.Values(("user", "bob"))));
        Assert.Equal("/", Map().Bind("example.com", subdomain: "api").Build("api_index"));
        Assert.Equal("http://example.com/about", Map().Bind("example.com", subdomain: "api").Build("about"));
    }

    [Fact]
    public void RedirectsKeepTheSubdomain()
    {
        var map = Routes.Map(new Rule("/docs/", "docs", subdomain: "api"));
        map.Bind("example.com", subdomain: "api").AssertRedirect("/docs", "http://api.example.com/docs/");
    }

    [Fact]
    public void UnicodeServerNamesAreIdnaEncoded()
    {
        var a = Routes.Map(new Rule("/войти/", "enter")).Bind("☃.example.com");
        a.AssertRedirect("/войти", "http://xn--n3h.example.com/%D0%B2%D0%BE%D0%B9%D1%82%D0%B8/");
    }

    [Fact]
    public void DefaultSubdomainAppliesToRulesWithoutOne()
    {
        var map = new UrlMap { DefaultSubdomain = "<tenant>" };
        var rule = new Rule("/home", "home");
        map.Add(rule);
        Assert.Equal(["tenant"], rule.Arguments);
        Assert.Equal("acme", map.Bind("example.com", subdomain: "acme").AssertMatched("/home", "home").Values["tenant"]);
        Assert.Equal("http://acme.example.com/home", map.Bind("example.com", subdomain: "other").Build("home", Routes.Values(("tenant", "acme"))));
    }
}
