using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class MethodsTests
{
    [Fact]
    public void MethodsAreUpperCasedAndHeadFollowsGet()
    {
        var rule = new Rule("/x", "x", ["get", "post"]);
        Assert.Equal(["GET", "HEAD", "POST"], rule.Methods!.Order(StringComparer.Ordinal));
        Assert.Null(new Rule("/y", "y").Methods);
        Assert.DoesNotContain("HEAD", new Rule("/z", "z", ["POST"]).Methods!);
    }

    [Fact]
    public void HeadMatchesGetRulesAndMethodIsCaseInsensitive()
    {
        var a = Routes.Adapter(new Rule("/get", "a", ["GET"]), new Rule("/post", "b", ["POST"]));
        a.AssertMatched("/get", "a", "HEAD");
        a.AssertMatched("/get", "a", "get");
        var result = a.Match("/post", "HEAD");
        Assert.Equal(RouteMatchKind.MethodNotAllowed, result.Kind);
        Assert.Equal(405, result.StatusCode);
    }

    [Fact]
    public void MethodNotAllowedCarriesTheUnionOfAllowedMethods()
    {
        var a = Routes.Adapter(
            new Rule("/thing", "get", ["GET"]),
            new Rule("/thing", "post", ["POST"]),
            new Rule("/thing/<int:id>", "put", ["PUT", "DELETE"]));
        var result = a.Match("/thing", "PUT");
        Assert.Equal(RouteMatchKind.MethodNotAllowed, result.Kind);
        Assert.Equal(["GET", "HEAD", "POST"], result.AllowedMethods.Order(StringComparer.Ordinal));
        Assert.Equal(["DELETE", "PUT"], a.AllowedMethods("/thing/3").Order(StringComparer.Ordinal));
        Assert.Empty(a.AllowedMethods("/nothing"));
    }

    [Fact]
    public void RulesWithoutMethodsAcceptAnything()
    {
        var a = Routes.Adapter(new Rule("/any", "any"));
        a.AssertMatched("/any", "any", "BREW");
        Assert.Empty(a.AllowedMethods("/any"));
    }

    [Fact]
    public void ConverterRejectionAfterAMethodMismatchIs405()
    {
        // Werkzeug collects the methods of rules that matched the path before the converter said no.
        var a = Routes.Adapter(new Rule("/v/<name>", "name", ["POST"]), new Rule("/v/<int(min=5):n>", "v", ["GET"]));
        var result = a.Match("/v/3", "GET");
        Assert.Equal(RouteMatchKind.NotFound, result.Kind);
        var mismatch = a.Match("/v/x", "GET");
        Assert.Equal(RouteMatchKind.MethodNotAllowed, mismatch.Kind);
        Assert.Equal(["POST"], mismatch.AllowedMethods);
    }
}
