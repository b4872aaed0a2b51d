using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class UuidConverterTests
{
    private const string Id = "a8098c1a-f86e-11da-bd1a-00112444be1e";

    [Fact]
    public void MatchesEitherCaseAndGivesAGuid()
    {
        var a = Routes.Adapter(new Rule("/u/<uuid:id>", "u"));
        Assert.Equal(Guid.Parse(Id), a.AssertMatched("/u/" + Id, "u").Values["id"]);
        Assert.Equal(Guid.Parse(Id), a.AssertMatched("/u/" + Id.ToUpperInvariant(), "u").Values["id"]);
        a.AssertNotFound("/u/" + Id.Replace("-", ""));
        a.AssertNotFound("/u/{" + Id + "}");
        a.AssertNotFound("/u/g8098c1a-f86e-11da-bd1a-00112444be1e");
    }

    [Fact]
    public void EqualWeightsKeepRegistrationOrderAndBuildsLowerCase()
    {
        // uuid and string both weigh 100: the first registered wins, as in Werkzeug.
        Routes.Adapter(new Rule("/u/<name>", "name"), new Rule("/u/<uuid:id>", "u")).AssertMatched("/u/" + Id, "name");
        var a = Routes.Adapter(new Rule("/u/<uuid:id>", "u"), new Rule("/u/<name>", "name"));
        a.AssertMatched("/u/" + Id, "u");
        a.AssertMatched("/u/bob", "name");
        Assert.Equal("/u/" + Id, a.Build("u", Routes.Values(("id", Guid.Parse(Id.ToUpperInvariant())))));
    }
}
