using System.CommandLine;

namespace Flagon.Tests.Cli;

/// <summary>The app's built-in command line: routes (as flask routes prints it), help, unknown commands.</summary>
public class CliTests
{
    private static FlagonApp RoutesApp()
    {
        var app = TestApps.New();
        app.Route("/", () => "", endpoint: "index");
        app.Route("/user/<int:id>", (int id) => "", ["GET", "POST"], endpoint: "user");
        app.Route("/admin/delete/<name>", (string name) => "", ["DELETE"], endpoint: "admin_delete");
        return app;
    }

    [Theory]
    [InlineData("routes", new string[] { "routes" })]
    [InlineData("routes_all_methods", new string[] { "routes", "--all-methods" })]
    [InlineData("routes_sort_rule", new string[] { "routes", "--sort", "rule" })]
    public void RoutesPrintsLikeFlask(string fixture, string[] args)
    {
        var output = new StringWriter();
        var code = RoutesApp().Cli.Invoke(args, output);
        Assert.Equal(0, code);
        Assert.Equal(FlaskFixture.Get(fixture).GetString(), output.ToString());
    }

    [Fact]
    public void NoRoutes()
    {
        var output = new StringWriter();
        new FlagonApp(rootPath: AppContext.BaseDirectory, staticFolder: null).Cli.Invoke(["routes"], output);
        Assert.Equal("No routes were registered.\n", output.ToString());
    }

    [Fact]
    public void UnknownCommandsFail()
    {
        var error = new StringWriter();
        Assert.NotEqual(0, TestApps.New().Cli.Invoke(["nope"], new StringWriter(), error));
    }

    [Fact]
    public void RunHelpListsTheCommands()
    {
        var output = new StringWriter();
        Assert.Equal(0, TestApps.New().Cli.Invoke(["--help"], output));
        Assert.Contains("run", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("routes", output.ToString(), StringComparison.Ordinal);
    }
}
