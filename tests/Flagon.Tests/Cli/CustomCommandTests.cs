using System.CommandLine;
using Flagon.Signals;

namespace Flagon.Tests.Cli;

/// <summary>app.Cli.Command: options and arguments, sync and async actions, exit codes, app context, help, --debug.</summary>
public sealed class CustomCommandTests
{
    [Fact]
    public void OptionsAndArgumentsAreParsedAndTheActionRunsInAnAppContext()
    {
        var app = TestApps.New();
        var seen = new List<string>();
        app.TeardownAppContext(e => seen.Add("teardown"));
        var name = new Argument<string>("name") { Description = "Who to greet." };
        var times = new Option<int>("--times", "-n") { Description = "How often.", DefaultValueFactory = _ => 1 };
        var shout = new Option<bool>("--shout");
        app.Cli.Command(
            "greet",
            "Greets someone.",
            parse =>
            {
                var text = $"hello {parse.GetValue(name)} from {Globals.CurrentApp.Name}";
                for (var i = 0; i < parse.GetValue(times); i++)
                {
                    seen.Add(parse.GetValue(shout) ? text.ToUpperInvariant() : text);
                }
            },
            name,
            times,
            shout);
        Assert.Equal(0, app.Cli.Invoke(["greet", "ann", "-n", "2"]));
        Assert.Equal([$"hello ann from {app.Name}", $"hello ann from {app.Name}", "teardown"], seen);
        seen.Clear();
        Assert.Equal(0, app.Cli.Invoke(["greet", "--shout", "bob"]));
        Assert.Equal([$"HELLO BOB FROM {app.Name.ToUpperInvariant()}", "teardown"], seen);
    }

    [Fact]
    public void TheAppContextSendsItsSignals()
    {
        var app = TestApps.New();
        var seen = new List<string>();
        using var pushed = FlagonSignals.AppContextPushed.Connect((_, _) => seen.Add("pushed"), app);
        using var popped = FlagonSignals.AppContextPopped.Connect((_, _) => seen.Add("popped"), app);
        app.Cli.Command("work", "Works.", _ => seen.Add("work"));
        Assert.Equal(0, app.Cli.Invoke(["work"]));
        Assert.Equal(["pushed", "work", "popped"], seen);
    }

    [Fact]
    public async Task AsyncActionsAreAwaitedInsideTheAppContext()
    {
        var app = TestApps.New();
        string? seen = null;
        app.Cli.Command("init-db", "Clear the existing data and create new tables.", async parse =>
        {
            await Task.Yield();
            seen = Globals.CurrentApp.Name;
        });
        Assert.Equal(0, await app.Cli.InvokeAsync(["init-db"]));
        Assert.Equal(app.Name, seen);
    }

    [Fact]
    public void ActionsMayReturnTheExitCode()
    {
        var app = TestApps.New();
        var code = new Option<int>("--code");
        app.Cli.Command("exit", "Exits.", parse => Task.FromResult(parse.GetValue(code)), code);
        app.Cli.Command("exit-async", "Exits later.", async (parse, token) =>
        {
            await Task.Delay(1, token);
            return 3;
        });
        Assert.Equal(7, app.Cli.Invoke(["exit", "--code", "7"]));
        Assert.Equal(3, app.Cli.Invoke(["exit-async"]));
    }

    [Fact]
    public void AFailingCommandReturnsNonZeroAndStillTearsDown()
    {
        var app = TestApps.New();
        Exception? torn = null;
        app.TeardownAppContext(e => torn ??= new InvalidOperationException("teardown ran"));
        app.Cli.Command("fail", "Fails.", (Action<ParseResult>)(_ => throw new InvalidOperationException("boom")));
        var error = new StringWriter();
        Assert.NotEqual(0, app.Cli.Invoke(["fail"], new StringWriter(), error));
        Assert.Contains("boom", error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(torn);
    }

    [Fact]
    public void MissingArgumentsAreAParseError()
    {
        var app = TestApps.New();
        var ran = false;
        app.Cli.Command("greet", "Greets someone.", _ => ran = true, new Argument<string>("name"));
        var error = new StringWriter();
        Assert.NotEqual(0, app.Cli.Invoke(["greet"], new StringWriter(), error));
        Assert.False(ran);
        Assert.Contains("greet", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsCustomCommandsWithTheirDescriptions()
    {
        var app = TestApps.New();
        app.Cli.Command("init-db", "Clear the existing data and create new tables.", _ => { });
        app.Cli.Command("undocumented", _ => { });
        var output = new StringWriter();
        Assert.Equal(0, app.Cli.Invoke(["--help"], output));
        var help = output.ToString();
        Assert.Contains("init-db", help, StringComparison.Ordinal);
        Assert.Contains("Clear the existing data and create new tables.", help, StringComparison.Ordinal);
        Assert.Contains("undocumented", help, StringComparison.Ordinal);
        Assert.Contains("--debug", help, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandHelpListsItsOptionsAndArguments()
    {
        var app = TestApps.New();
        app.Cli.Command("greet", "Greets someone.", _ => { }, new Argument<string>("name") { Description = "Who to greet." }, new Option<int>("--times") { Description = "How often." });
        var output = new StringWriter();
        Assert.Equal(0, app.Cli.Invoke(["greet", "--help"], output));
        Assert.Contains("Who to greet.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--times", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, new string[] { "probe" }, false)]
    [InlineData(false, new string[] { "--debug", "probe" }, true)]
    [InlineData(false, new string[] { "probe", "--debug" }, true)]
    [InlineData(true, new string[] { "probe" }, true)]
    [InlineData(true, new string[] { "probe", "--no-debug" }, false)]
    public void DebugOptionsOverrideTheConfiguredFlag(bool configured, string[] args, bool expected)
    {
        var app = TestApps.New();
        app.Debug = configured; // what FLAGON_DEBUG or the config set before the command line runs
        bool? seen = null;
        app.Cli.Command("probe", "Reports debug.", _ => seen = Globals.CurrentApp.Debug);
        Assert.Equal(0, app.Cli.Invoke(args));
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void ReadyMadeCommandsAndTheirSubcommandsRunInAnAppContext()
    {
        var app = TestApps.New();
        var seen = new List<string>();
        var db = new Command("db", "Database commands.");
        var migrate = new Command("migrate", "Migrates.");
        migrate.SetAction(_ => seen.Add("migrate " + Globals.HasAppContext));
        db.Subcommands.Add(migrate);
        app.Cli.Add(db);
        Assert.Equal(0, app.Cli.Invoke(["db", "migrate"]));
        Assert.Equal(["migrate True"], seen);
    }

    [Fact]
    public void TheCommandCanBeInvokedMoreThanOnce()
    {
        var app = TestApps.New();
        var count = 0;
        app.Cli.Command("tick", "Ticks.", _ => count++);
        var error = new StringWriter();
        Assert.Equal(0, app.Cli.Invoke(["tick"], new StringWriter(), error));
        Assert.Equal(0, app.Cli.Invoke(["tick"], new StringWriter(), error));
        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(2, count);
    }
}
