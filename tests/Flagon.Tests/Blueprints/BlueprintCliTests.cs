using System.CommandLine;
using System.Text.Json;

namespace Flagon.Tests.Blueprints;

/// <summary>
/// Blueprint.Cli and cliGroup against Flask 2.2's bp.cli (Fixtures/blueprint_cli.json, recorded by
/// Fixtures/generate_blueprint_cli.py), and Blueprint.OpenResource.
/// </summary>
public sealed class BlueprintCliTests
{
    private static readonly Lazy<JsonElement> _fixture = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Fixtures", "blueprint_cli.json"))).RootElement);

    /// <summary>The app of the fixture script: a default group, a top-level blueprint, a named group, a nested one, an empty one, a group given at registration.</summary>
    private static FlagonApp Build()
    {
        var app = TestApps.New();
        app.Cli.Command("top", parse => parse.InvocationConfiguration.Output.WriteLine("top"));
        var admin = new Blueprint("admin");
        var who = new Argument<string>("who");
        admin.Cli.Command("create", parse => parse.InvocationConfiguration.Output.WriteLine($"create {parse.GetValue(who)}"), who);
        var flat = new Blueprint("flat", cliGroup: Blueprint.CliTopLevel);
        flat.Cli.Command("flat-cmd", parse => parse.InvocationConfiguration.Output.WriteLine("flat"));
        var named = new Blueprint("named", cliGroup: "tools");
        named.Cli.Command("tool", parse => parse.InvocationConfiguration.Output.WriteLine("tool"));
        var parent = new Blueprint("parent");
        var child = new Blueprint("child");
        child.Cli.Command("nested", parse => parse.InvocationConfiguration.Output.WriteLine("nested"));
        parent.RegisterBlueprint(child);
        var empty = new Blueprint("empty");
        app.RegisterBlueprint(admin);
        app.RegisterBlueprint(flat);
        app.RegisterBlueprint(named);
        app.RegisterBlueprint(parent);
        app.RegisterBlueprint(empty);
        var over = new Blueprint("over");
        over.Cli.Command("o", parse => parse.InvocationConfiguration.Output.WriteLine("o"));
        app.RegisterBlueprint(over, cliGroup: "renamed");
        return app;
    }

    [Fact]
    public void CommandsAndGroupsAreFlasks()
    {
        using var app = Build();
        Assert.Equal(_fixture.Value.GetProperty("commands").EnumerateArray().Select(e => e.GetString()), app.Cli.Commands.Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var group in _fixture.Value.GetProperty("groups").EnumerateObject())
        {
            var command = app.Cli.Commands.Single(c => c.Name == group.Name);
            Assert.Equal(group.Value.EnumerateArray().Select(e => e.GetString()), command.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal));
        }
    }

    public static TheoryData<string> Runs()
    {
        var data = new TheoryData<string>();
        foreach (var run in _fixture.Value.GetProperty("runs").EnumerateObject())
        {
            data.Add(run.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void BlueprintCommandsRunAsFlasksDo(string args)
    {
        var expected = _fixture.Value.GetProperty("runs").GetProperty(args);
        using var app = Build();
        var output = new StringWriter { NewLine = "\n" };
        Assert.Equal(expected.GetProperty("exit").GetInt32(), app.Cli.Invoke(args.Split(' '), output, TextWriter.Null));
        Assert.Equal(expected.GetProperty("output").GetString(), output.ToString());
    }

    [Fact]
    public void EachRegistrationRunsInItsOwnAppContext()
    {
        var bp = new Blueprint("admin");
        var seen = new List<string>();
        var loud = new Option<bool>("--loud");
        bp.Cli.Command("which", parse => seen.Add(parse.GetValue(loud) ? Globals.CurrentApp.Name.ToUpperInvariant() : Globals.CurrentApp.Name), loud);
        using var first = new FlagonApp(name: "first", rootPath: System.AppContext.BaseDirectory);
        using var second = new FlagonApp(name: "second", rootPath: System.AppContext.BaseDirectory);
        first.RegisterBlueprint(bp);
        second.RegisterBlueprint(bp);
        first.RegisterBlueprint(bp, name: "again");
        Assert.Equal(0, second.Cli.Invoke(["admin", "which"], TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, first.Cli.Invoke(["again", "which", "--loud"], TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, first.Cli.Invoke(["admin", "which"], TextWriter.Null, TextWriter.Null));
        Assert.Equal(["second", "FIRST", "first"], seen);
    }

    [Fact]
    public void CommandsCannotBeAddedAfterRegistration()
    {
        using var app = TestApps.New();
        var bp = new Blueprint("admin");
        app.RegisterBlueprint(bp);
        Assert.Throws<InvalidOperationException>(() => bp.Cli.Command("late", _ => { }));
    }

    [Fact]
    public void OpenResourceIsRelativeToTheBlueprintsRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "flagon-bp-resource-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "admin"));
        try
        {
            File.WriteAllText(Path.Combine(root, "admin", "schema.sql"), "create table t;");
            File.WriteAllText(Path.Combine(root, "schema.sql"), "app schema");
            var bp = new Blueprint("admin", rootPath: Path.Combine(root, "admin"));
            using (var reader = new StreamReader(bp.OpenResource("schema.sql")))
            {
                Assert.Equal("create table t;", reader.ReadToEnd());
            }

            var rootless = new Blueprint("plain");
            Assert.Throws<InvalidOperationException>(() => rootless.OpenResource("schema.sql"));
            using var app = TestApps.New(rootPath: root);
            using (app.AppContext())
            using (var reader = new StreamReader(rootless.OpenResource("schema.sql")))
            {
                Assert.Equal("app schema", reader.ReadToEnd());
            }

            Assert.Throws<FileNotFoundException>(() => bp.OpenResource("missing.sql"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
