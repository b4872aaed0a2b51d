using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class RedirectToTests
{
    private static MapAdapter Adapter()
    {
        var map = Routes.Map(
            new Rule("/old/<int:id>", "old", redirectTo: "/new/<id>"),
            new Rule("/new/<int:id>", "new"),
            new Rule("/rel/<name>", "rel", redirectTo: "target/<name>"),
            new Rule("/up/<name>", "up", redirectTo: "../<name>"),
            new Rule("/abs", "abs", redirectTo: "http://other.example/x"),
            new Rule("/proto", "proto", redirectTo: "//cdn.example/y"),
            new Rule("/fn/<int:id>", "fn", redirectToCallable: (adapter, values) => adapter.Build("new", Routes.Values(("id", (long)values["id"]! + 1)))));
        return map.Bind("localhost", "/app");
    }

    [Fact]
    public void PlaceholdersAreFilledThroughConverters()
    {
        Adapter().AssertRedirect("/old/5", "http://localhost/new/5");
        Adapter().AssertRedirect("/old/5", "http://localhost/new/5", query: "a=b");
    }

    [Fact]
    public void TargetsAreJoinedToTheScriptRootLikeUrljoin()
    {
        Adapter().AssertRedirect("/rel/x", "http://localhost/app/target/x");
        Adapter().AssertRedirect("/up/x", "http://localhost/x");
        Adapter().AssertRedirect("/abs", "http://other.example/x");
        Adapter().AssertRedirect("/proto", "http://cdn.example/y");
    }

    [Fact]
    public void CallableTargetGetsTheAdapterAndValues()
        => Adapter().AssertRedirect("/fn/1", "http://localhost/app/new/2");
}
