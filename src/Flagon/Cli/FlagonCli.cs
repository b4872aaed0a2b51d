using System.CommandLine;

namespace Flagon.Cli;

/// <summary>
/// The app's command line (Flask's <c>flask</c> command and <c>app.cli</c>), built with System.CommandLine:
/// no arguments serves the app; <c>run [--host] [--port] [--debug]</c>; <c>routes</c>; and the commands the app
/// adds with <see cref="Command(string, string, Action{ParseResult})"/>, which run inside an app context.
/// </summary>
public sealed class FlagonCli
{
    private readonly FlagonApp _app;
    private readonly List<Command> _custom = [];

    internal FlagonCli(FlagonApp app)
    {
        _app = app;
    }

    /// <summary>Adds a command; its action runs inside an application context. Add options/arguments to the returned command.</summary>
    public Command Command(string name, string description, Action<ParseResult> action)
    {
        var command = new Command(name, description);
        command.SetAction(parse =>
        {
            using var ctx = _app.AppContext();
            action(parse);
        });
        _custom.Add(command);
        return command;
    }

    /// <summary>Adds a ready-made System.CommandLine command (its action runs inside an application context).</summary>
    public void Add(Command command)
    {
        var action = command.Action;
        if (action is not null)
        {
            command.SetAction(async (parse, token) =>
            {
                await using var ctx = _app.AppContext();
                return action is System.CommandLine.Invocation.SynchronousCommandLineAction sync
                    ? sync.Invoke(parse)
                    : await ((System.CommandLine.Invocation.AsynchronousCommandLineAction)action).InvokeAsync(parse, token);
            });
        }

        _custom.Add(command);
    }

    /// <summary>Runs the command line <paramref name="args"/>; <paramref name="output"/> and <paramref name="error"/> default to the console. Returns the exit code.</summary>
    public int Invoke(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = BuildRoot(output ?? Console.Out);
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        return root.Parse(args).Invoke(config);
    }

    private RootCommand BuildRoot(TextWriter output)
    {
        var root = new RootCommand($"The {_app.Name} Flagon application.");
        root.SetAction(_ =>
        {
            _app.Serve();
            return 0;
        });

        var host = new Option<string>("--host") { Description = "The interface to bind to.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port", "-p") { Description = "The port to bind to.", DefaultValueFactory = _ => 5000 };
        var debug = new Option<bool>("--debug") { Description = "Enable debug mode." };
        var run = new Command("run", "Run a development server.") { host, port, debug };
        run.SetAction(parse =>
        {
            _app.Serve(parse.GetValue(host), parse.GetValue(port), parse.GetValue(debug) ? true : null);
            return 0;
        });
        root.Subcommands.Add(run);

        var sort = new Option<string>("--sort", "-s") { Description = "Method to sort routes by: endpoint, methods, rule or match.", DefaultValueFactory = _ => "endpoint" };
        sort.AcceptOnlyFromAmong("endpoint", "methods", "rule", "match");
        var allMethods = new Option<bool>("--all-methods") { Description = "Show HEAD and OPTIONS methods." };
        var routes = new Command("routes", "Show the routes for the app.") { sort, allMethods };
        routes.SetAction(parse =>
        {
            output.Write(RouteTable.Format(_app, parse.GetValue(sort) ?? "endpoint", parse.GetValue(allMethods)));
            return 0;
        });
        root.Subcommands.Add(routes);

        foreach (var command in _custom)
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
