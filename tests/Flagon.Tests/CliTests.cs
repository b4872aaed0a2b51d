using System.CommandLine;

namespace Flagon.Tests;

/// <summary>The app's command line: routes (as flask routes prints it) and custom commands run in an app context.</summary>
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
    public void CustomCommandsRunInAnAppContext()
    {
        var app = TestApps.New();
        var seen = new List<string>();
        app.TeardownAppContext(e => seen.Add("teardown"));
        var name = new Option<string>("--name") { DefaultValueFactory = _ => "world" };
        var command = app.Cli.Command("greet", "Greets someone.", parse =>
        {
            seen.Add($"hello {parse.GetValue(name)} from {Globals.CurrentApp.Name}");
        });
        command.Options.Add(name);
        Assert.Equal(0, app.Cli.Invoke(["greet", "--name", "ann"]));
        Assert.Equal([$"hello ann from {app.Name}", "teardown"], seen);
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
