using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class StrictSlashesTests
{
    [Fact]
    public void BranchRedirectsKeepingTheQueryStringAsAnAbsoluteUrl()
    {
        var map = Routes.Map(new Rule("/branch/", "branch"));
        map.Bind("example.org").AssertRedirect("/branch", "http://example.org/branch/");
        map.Bind("example.org").AssertRedirect("/branch", "http://example.org/branch/?a=1&b=%20x", query: "a=1&b=%20x");
        map.Bind("example.org").AssertRedirect("/branch", "http://example.org/branch/?a=1", query: "?a=1");
        map.Bind("example.org").AssertRedirect("/branch", "http://example.org/branch/", query: "?");
        map.Bind("Example.ORG:8080", "/mount", urlScheme: "https").AssertRedirect("/branch", "https://example.org:8080/mount/branch/");
    }

    [Fact]
    public void LeafWithTrailingSlashIs404()
    {
        var a = Routes.Adapter(new Rule("/leaf", "leaf"));
        a.AssertMatched("/leaf", "leaf");
        a.AssertNotFound("/leaf/");
    }

    [Fact]
    public void RuleLevelFalseMatchesBothForms()
    {
        var a = Routes.Adapter(new Rule("/loose/", "loose", strictSlashes: false), new Rule("/looseleaf", "looseleaf", strictSlashes: false));
        a.AssertMatched("/loose", "loose");
        a.AssertMatched("/loose/", "loose");
        a.AssertMatched("/looseleaf", "looseleaf");
        a.AssertMatched("/looseleaf/", "looseleaf");
    }

    [Fact]
    public void MapLevelFalseWithRuleOverride()
    {
        var map = new UrlMap { StrictSlashes = false };
        map.Add(new Rule("/branch/", "branch"));
        map.Add(new Rule("/strict/", "strict", strictSlashes: true));
        var a = map.Bind("localhost");
        a.AssertMatched("/branch", "branch");
        a.AssertRedirect("/strict", "http://localhost/strict/");
    }

    [Fact]
    public void RedirectOnlyForRulesAllowingTheMethod()
    {
        var a = Routes.Adapter(new Rule("/both/", "both", ["GET"]));
        a.AssertRedirect("/both", "http://example.org/both/");
        a.AssertNotFound("/both", "POST");
        var post = Routes.Adapter(new Rule("/foo/", "foo", ["POST"]));
        post.AssertRedirect("/foo", "http://example.org/foo/", "POST");
    }

    [Fact]
    public void RedirectPathIsQuoted()
    {
        var a = Routes.Adapter(new Rule("/dir/<name>/", "dir"));
        a.AssertRedirect("/dir/ü ö", "http://example.org/dir/%C3%BC%20%C3%B6/");
        a.AssertRedirect("/dir/a%b", "http://example.org/dir/a%25b/");
    }

    [Fact]
    public void EmptyPathRedirectsToTheRoot()
        => Routes.Map(new Rule("/", "index")).Bind("example.com", "/approot").AssertRedirect("", "http://example.com/approot/");
}
