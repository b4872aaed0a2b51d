using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class PathConverterTests
{
    [Fact]
    public void ConsumesTheRestOfThePath()
    {
        var a = Routes.Adapter(new Rule("/files/<path:p>", "file"), new Rule("/files/<path:p>/edit", "edit"));
        Assert.Equal("a/b/c.txt", a.AssertMatched("/files/a/b/c.txt", "file").Values["p"]);
        Assert.Equal("a/b", a.AssertMatched("/files/a/b/edit", "edit").Values["p"]);
        Assert.Equal("a//b", a.AssertMatched("/files/a//b", "file").Values["p"]);
        // "[^/]" refuses a leading slash; the merged-slash retry then redirects.
        a.AssertRedirect("/files//a", "http://example.org/files/a");
    }

    [Fact]
    public void TwoPathsSplitAtTheFirstPossibleSlash()
    {
        var a = Routes.Adapter(new Rule("/<path:a>/<path:b>", "two"));
        var values = a.AssertMatched("/x/y/z", "two").Values;
        Assert.Equal("x", values["a"]);
        Assert.Equal("y/z", values["b"]);
    }

    [Fact]
    public void NewlinesDoNotMatchLikePythonDot()
    {
        var a = Routes.Adapter(new Rule("/p/<path:p>", "p"));
        a.AssertNotFound("/p/a\nb");
    }

    [Fact]
    public void BranchPathRuleRedirectsTheSlashlessUrl()
    {
        // Werkzeug 3.x: a rule ending in "<path:p>/" matches without the slash and redirects (2.2.2 gave 404).
        var a = Routes.Adapter(new Rule("/d/<path:p>/", "d"));
        Assert.Equal("x/y", a.AssertMatched("/d/x/y/", "d").Values["p"]);
        a.AssertRedirect("/d/x/y", "http://example.org/d/x/y/");
    }

    [Fact]
    public void BuildingKeepsSlashes()
    {
        var a = Routes.Adapter(new Rule("/files/<path:p>", "file"));
        Assert.Equal("/files/a%20b/%C3%BC", a.Build("file", Routes.Values(("p", "a b/ü"))));
    }
}
