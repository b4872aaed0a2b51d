using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class PrecedenceTests
{
    [Fact]
    public void StaticBeatsDynamicWhateverTheOrder()
    {
        var a = Routes.Adapter(new Rule("/user/<name>", "user"), new Rule("/user/me", "me"));
        a.AssertMatched("/user/me", "me");
        a.AssertMatched("/user/you", "user");
        var b = Routes.Adapter(new Rule("/user/me", "me"), new Rule("/user/<name>", "user"));
        b.AssertMatched("/user/me", "me");
    }

    [Fact]
    public void ConverterWeightsOrderDynamicParts()
    {
        var a = Routes.Adapter(
            new Rule("/<path:p>", "path"),
            new Rule("/<s>", "string"),
            new Rule("/<int:i>", "int"));
        Assert.Equal(5L, a.AssertMatched("/5", "int").Values["i"]);
        a.AssertMatched("/x", "string");
        a.AssertMatched("/x/y", "path");
    }

    [Fact]
    public void MoreStaticTextSortsFirst()
    {
        var a = Routes.Adapter(new Rule("/<a>.<b>", "dotted"), new Rule("/<a>.json", "json"), new Rule("/<a>", "plain"));
        Assert.Equal("x.y", a.AssertMatched("/x.y.json", "json").Values["a"]);
        a.AssertMatched("/x.y", "dotted");
        a.AssertMatched("/xy", "plain");
    }

    [Fact]
    public void BacktracksWhenADeeperPartFails()
    {
        var a = Routes.Adapter(new Rule("/bt/<int:a>/one", "one"), new Rule("/bt/<a>/two", "two"));
        Assert.Equal("1", a.AssertMatched("/bt/1/two", "two").Values["a"]);
        Assert.Equal(1L, a.AssertMatched("/bt/1/one", "one").Values["a"]);
    }

    [Fact]
    public void ConverterRejectionDoesNotFallThrough()
    {
        var a = Routes.Adapter(new Rule("/v/<int(min=5):n>", "v"), new Rule("/v/<name>", "name"));
        a.AssertNotFound("/v/3");
        a.AssertMatched("/v/x", "name");
    }

    [Fact]
    public void RulesAddedAfterMatchingAreSeen()
    {
        var map = Routes.Map(new Rule("/a", "a"));
        var adapter = map.Bind("localhost");
        adapter.AssertMatched("/a", "a");
        map.Add(new Rule("/b", "b"));
        adapter.AssertMatched("/b", "b");
    }
}
