using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class BuildOnlyTests
{
    [Fact]
    public void BuildOnlyRulesBuildButNeverMatch()
    {
        var a = Routes.Adapter(new Rule("/real", "real"), new Rule("/external/<name>", "ext", buildOnly: true));
        Assert.Equal("/external/x", a.Build("ext", Routes.Values(("name", "x"))));
        a.AssertNotFound("/external/x");
        a.AssertMatched("/real", "real");
    }

    [Fact]
    public void BuildOnlyRulesDoNotProvideDefaults()
    {
        var a = Routes.Adapter(
            new Rule("/p/", "p", defaults: Routes.Values(("n", 1L)), buildOnly: true),
            new Rule("/p/<int:n>", "p"));
        Assert.Equal(1L, a.AssertMatched("/p/1", "p").Values["n"]);
    }
}
