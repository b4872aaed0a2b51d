using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class BuildErrorTests
{
    private static MapAdapter Adapter() => Routes.Map(
        new Rule("/foo/", "users.here"),
        new Rule("/wat/", "admin.users"),
        new Rule("/woop", "foo.users"),
        new Rule("/foo/<id>/", "world", ["GET"])).Bind("example.com");

    [Fact]
    public void SuggestsTheClosestEndpoint()
    {
        var error = Assert.Throws<BuildError>(() => Adapter().Build("admin.user"));
        Assert.Equal("Could not build url for endpoint 'admin.user'. Did you mean 'admin.users' instead?", error.Message);
        Assert.Equal("admin.users", error.Suggested!.Endpoint);
        Assert.Equal("admin.user", error.Endpoint);
    }

    [Fact]
    public void NamesMissingValues()
    {
        var error = Assert.Throws<BuildError>(() => Adapter().Build("world"));
        Assert.Equal("Could not build url for endpoint 'world'. Did you forget to specify values ['id']?", error.Message);
    }

    [Fact]
    public void NamesTheMethodsToUse()
    {
        var error = Assert.Throws<BuildError>(() => Adapter().Build("world", Routes.Values(("id", 2L)), "POST"));
        Assert.Equal("Could not build url for endpoint 'world' ('POST') with values ['id']. Did you mean to use methods ['GET', 'HEAD']?", error.Message);
        Assert.Equal("POST", error.Method);
    }

    [Fact]
    public void EmptyMapHasNoSuggestion()
    {
        var error = Assert.Throws<BuildError>(() => new UrlMap().Bind("x").Build("invalid"));
        Assert.Equal("Could not build url for endpoint 'invalid'.", error.Message);
        Assert.Null(error.Suggested);
    }

    [Fact]
    public void EndpointRepresentationIsPythonRepr()
    {
        var error = Assert.Throws<BuildError>(() => new UrlMap().Bind("x").Build("it's"));
        Assert.Equal("Could not build url for endpoint \"it's\".", error.Message);
    }
}
