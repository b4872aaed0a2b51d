using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class AnyConverterTests
{
    [Fact]
    public void MatchesOnlyTheItems()
    {
        var a = Routes.Adapter(new Rule("/<any(about, help, imprint, class, \"foo,bar\"):page>", "page"));
        Assert.Equal("help", a.AssertMatched("/help", "page").Values["page"]);
        Assert.Equal("foo,bar", a.AssertMatched("/foo,bar", "page").Values["page"]);
        a.AssertNotFound("/foo");
        a.AssertNotFound("/hel");
    }

    [Fact]
    public void ItemsWithDotsAreLiteral()
    {
        var a = Routes.Adapter(new Rule("/<any(a1, a2):a>", "no_dot"), new Rule("/<any(a.1, a.2):a>", "yes_dot"));
        a.AssertMatched("/a1", "no_dot");
        a.AssertMatched("/a.2", "yes_dot");
        a.AssertNotFound("/a_2");
    }

    [Fact]
    public void BuildingValidatesTheValueWithWerkzeugsMessage()
    {
        var a = Routes.Adapter(new Rule("/<any(patient, provider):value>", "actor"));
        Assert.Equal("/patient", a.Build("actor", Routes.Values(("value", "patient"))));
        var error = Assert.Throws<ArgumentException>(() => a.Build("actor", Routes.Values(("value", "invalid"))));
        Assert.Equal("'invalid' is not one of 'patient', 'provider'", error.Message);
    }
}
