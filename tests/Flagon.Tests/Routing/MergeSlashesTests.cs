using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class MergeSlashesTests
{
    [Fact]
    public void DoubleSlashesRedirectToTheMergedPath()
    {
        var a = Routes.Adapter(new Rule("/no/tail", "no_tail"), new Rule("/yes/tail/", "yes_tail"));
        a.AssertRedirect("/no//tail", "http://example.org/no/tail");
        a.AssertRedirect("/yes//tail", "http://example.org/yes/tail/");
        a.AssertRedirect("/yes/tail//", "http://example.org/yes/tail/");
        // Werkzeug 3.x merges every run in one pass (2.2.2 gave 404 here).
        a.AssertRedirect("//yes///tail////", "http://example.org/yes/tail/");
        a.AssertRedirect("/no//tail", "http://example.org/no/tail?q=1", query: "q=1");
    }

    [Fact]
    public void LeadingSlashesAreStrippedWithoutRedirect()
        => Routes.Adapter(new Rule("/a/b", "ab")).AssertMatched("//a/b", "ab");

    [Fact]
    public void RuleWithMergeSlashesFalseKeepsItsDoubleSlashAndIsNotRedirectedTo()
    {
        var a = Routes.Adapter(new Rule("/no//merge", "no_merge", mergeSlashes: false), new Rule("/no/merging", "no_merging", mergeSlashes: false));
        a.AssertMatched("/no//merge", "no_merge");
        a.AssertMatched("/no/merging", "no_merging");
        a.AssertNotFound("/no//merging");
        Assert.Equal("/no//merge", a.Build("no_merge"));
    }

    [Fact]
    public void RulesAreMergedToo()
    {
        var a = Routes.Adapter(new Rule("/yes//merge", "yes_merge"));
        a.AssertMatched("/yes/merge", "yes_merge");
        Assert.Equal("/yes/merge", a.Build("yes_merge"));
    }

    [Fact]
    public void PathValuesKeepTheirDoubleSlashes()
        => Assert.Equal("x//y", Routes.Adapter(new Rule("/with/<path:p>", "p")).AssertMatched("/with/x//y", "p").Values["p"]);

    [Fact]
    public void MapLevelOffGives404()
    {
        var map = new UrlMap { MergeSlashes = false };
        map.Add(new Rule("/a/b", "ab"));
        map.Bind("localhost").AssertNotFound("/a//b");
    }

    [Fact]
    public void RedirectDoesNotDoubleEncode()
        => Routes.Adapter(new Rule("/merge/<some>/path", "m")).AssertRedirect("/merge/%//path", "http://example.org/merge/%25/path");
}
