using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class RuleSyntaxTests
{
    [Fact]
    public void RuleMustStartWithASlash()
    {
        var error = Assert.Throws<ArgumentException>(() => new Rule("foo", "x"));
        Assert.StartsWith("URL rule 'foo' must start with a slash.", error.Message);
    }

    [Theory]
    [InlineData("/<int()>")]
    [InlineData("/<>")]
    [InlineData("/<1a>")]
    [InlineData("/a<b")]
    public void MalformedRulesAreRejected(string pattern)
    {
        var error = Assert.Throws<ArgumentException>(() => new Rule(pattern, "x"));
        Assert.StartsWith("malformed url rule", error.Message);
    }

    [Fact]
    public void RepeatedVariableIsRejected()
        => Assert.Throws<ArgumentException>(() => new Rule("/<a>/<int:a>", "x"));

    [Fact]
    public void ArgumentsAreVariablesAndDefaultKeys()
    {
        var rule = new Rule("/<lang>/page/<int:n>", "p", defaults: Routes.Values(("kind", "x")), subdomain: "<user>");
        Assert.Equal(["kind", "user", "lang", "n"], rule.Arguments);
        Assert.True(rule.IsLeaf);
        Assert.False(new Rule("/x/", "x").IsLeaf);
    }

    [Fact]
    public void EndpointDefaultsToThePatternAndTagIsFree()
    {
        var rule = new Rule("/x") { Tag = 42 };
        Assert.Equal("/x", rule.Endpoint);
        Assert.Equal(42, rule.Tag);
    }

    [Fact]
    public void ARuleBelongsToOneMap()
    {
        var rule = new Rule("/x", "x");
        new UrlMap().Add(rule);
        Assert.Throws<InvalidOperationException>(() => new UrlMap().Add(rule));
    }

    [Fact]
    public void StaticTextIsLiteralNotRegex()
    {
        var a = Routes.Adapter(new Rule("/.<int:value>", "dotted"), new Rule("/a+b(c)", "plus"));
        a.AssertMatched("/.2", "dotted");
        a.AssertNotFound("/a2");
        a.AssertMatched("/a+b(c)", "plus");
        a.AssertNotFound("/aab(c)");
    }

    [Fact]
    public void RulesListsAndRulesForAreOrdered()
    {
        var map = Routes.Map(
            new Rule("/page/<int:n>", "page"),
            new Rule("/page/", "page", defaults: Routes.Values(("n", 1L))),
            new Rule("/other", "other"));
        Assert.Equal(["/page/<int:n>", "/page/", "/other"], map.Rules.Select(r => r.Pattern));
        Assert.Equal(["/page/", "/page/<int:n>"], map.RulesFor("page").Select(r => r.Pattern));
        Assert.Empty(map.RulesFor("missing"));
        Assert.True(map.IsEndpointExpecting("page", "n"));
        Assert.False(map.IsEndpointExpecting("other", "n"));
    }
}
