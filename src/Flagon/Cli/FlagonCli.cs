using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;

namespace Flagon.Cli;

/// <summary>
/// The app's command line (Flask's <c>flask</c> command and <c>app.cli</c>), built with System.CommandLine:
/// no arguments serves the app; <c>run [--host] [--port]</c>; <c>routes</c>; and the commands the app adds with
/// <see cref="Command(string, string, Action{ParseResult}, Symbol[])"/>, which run inside an app context. The global
/// <c>--debug</c>/<c>--no-debug</c> options set <see cref="FlagonApp.Debug"/> for any command, over <c>FLAGON_DEBUG</c>;
/// <c>run</c>'s host and port default to <c>FLAGON_RUN_HOST</c> and <c>FLAGON_RUN_PORT</c>, as Flask's do.
/// </summary>
public sealed class FlagonCli
{
    private readonly FlagonApp _app;
    private readonly List<Command> _custom = [];
    private RootCommand? _root;
    private readonly Option<bool> _debug = new("--debug") { Description = "Set debug mode (over FLAGON_DEBUG).", Recursive = true };
    private readonly Option<bool> _noDebug = new("--no-debug") { Description = "Unset debug mode (over FLAGON_DEBUG).", Recursive = true };

    internal FlagonCli(FlagonApp app)
    {
        _app = app;
    }

    /// <summary>The custom commands added so far, in order.</summary>
    public IReadOnlyList<Command> Commands => _custom;

    /// <summary>The root command (built on first use): <c>run</c>, <c>routes</c>, the custom commands and the global options.</summary>
    public RootCommand Root => _root ??= BuildRoot();

    /// <summary>
    /// Adds a command (Flask's <c>@app.cli.command</c>); <paramref name="symbols"/> are its options and arguments, read in
    /// the action with <c>parse.GetValue(option)</c>. The action runs inside an application context.
    /// </summary>
    public Command Command(string name, string description, Action<ParseResult> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Register(name, description, (parse, _) =>
        {
            action(parse);
            return Task.FromResult(0);
        }, symbols);
    }

    /// <summary>Adds a command with an async action, awaited inside an application context.</summary>
    public Command Command(string name, string description, Func<ParseResult, Task> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Register(name, description, async (parse, _) =>
        {
            await action(parse);
            return 0;
        }, symbols);
    }

    /// <summary>
    /// Adds a command with an async action that returns the exit code (<c>parse => Task.FromResult(2)</c>). There is
    /// deliberately no synchronous int-returning overload: <c>_ => count++</c> would silently become an exit code.
    /// </summary>
    public Command Command(string name, string description, Func<ParseResult, Task<int>> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Register(name, description, (parse, _) => action(parse), symbols);
    }

    /// <summary>Adds a command with an async action that gets the cancellation token (Ctrl+C) and returns the exit code.</summary>
    public Command Command(string name, string description, Func<ParseResult, CancellationToken, Task<int>> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Register(name, description, action, symbols);
    }

    /// <summary>Adds a command without a description (Flask's <c>app.cli.command("init-db")</c> on an undocumented function).</summary>
    public Command Command(string name, Action<ParseResult> action, params Symbol[] symbols) => Command(name, string.Empty, action, symbols);

    /// <summary>Adds an async command without a description.</summary>
    public Command Command(string name, Func<ParseResult, Task> action, params Symbol[] symbols) => Command(name, string.Empty, action, symbols);

    /// <summary>Adds a ready-made System.CommandLine command; its action (and its subcommands' actions) run inside an application context.</summary>
    public void Add(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        WrapActions(command);
        AddCustom(command);
    }

    /// <summary>Runs the command line <paramref name="args"/>; <paramref name="output"/> and <paramref name="error"/> default to the console. Returns the exit code.</summary>
    public int Invoke(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        return Root.Parse(args).Invoke(config);
    }

    /// <summary>Async form of <see cref="Invoke"/>, for <c>await app.Cli.InvokeAsync(args)</c> in an async Main.</summary>
    public Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        return Root.Parse(args).InvokeAsync(config, cancellationToken);
    }

    private Command Register(string name, string description, Func<ParseResult, CancellationToken, Task<int>> action, Symbol[] symbols)
    {
        var command = Build(name, description, action, symbols);
        AddCustom(command);
        return command;
    }

    /// <summary>
    /// Adds a registered blueprint's commands (Flask's <c>cli_group</c>): under a group named <paramref name="group"/>,
    /// or at the top level when it is null. Each registration builds its own commands, bound to this app.
    /// </summary>
    internal void AddBlueprintCommands(string? group, IReadOnlyList<Blueprints.BlueprintCli.Spec> specs)
    {
        var commands = specs.Select(spec => Build(spec.Name, spec.Description, spec.Action, spec.Symbols)).ToList();
        if (group is null)
        {
            commands.ForEach(AddCustom);
            return;
        }

        var groupCommand = new Command(group);
        commands.ForEach(groupCommand.Subcommands.Add);
        AddCustom(groupCommand);
    }

    /// <summary>A command whose action runs inside an application context of this app, with the global debug options applied.</summary>
    internal Command Build(string name, string description, Func<ParseResult, CancellationToken, Task<int>> action, Symbol[] symbols)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var command = new Command(name, string.IsNullOrEmpty(description) ? null : description);
        foreach (var symbol in symbols ?? [])
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Command sub:
                    command.Subcommands.Add(sub);
                    break;
                default:
                    throw new ArgumentException($"A command takes options, arguments and subcommands, not {symbol?.GetType().Name ?? "null"}.", nameof(symbols));
            }
        }

        command.SetAction(async (parse, token) =>
        {
            ApplyDebug(parse);
            await using var ctx = _app.AppContext();
            return await action(parse, token);
        });
        return command;
    }

    private void AddCustom(Command command)
    {
        _custom.Add(command);
        _root?.Subcommands.Add(command);
    }

    private void WrapActions(Command command)
    {
        foreach (var sub in command.Subcommands)
        {
            WrapActions(sub);
        }

        var action = command.Action;
        if (action is null)
        {
            return;
        }

        command.SetAction(async (parse, token) =>
        {
            ApplyDebug(parse);
            await using var ctx = _app.AppContext();
            return action is SynchronousCommandLineAction sync
                ? sync.Invoke(parse)
                : await ((AsynchronousCommandLineAction)action).InvokeAsync(parse, token);
        });
    }

    private void ApplyDebug(ParseResult parse)
    {
        if (parse.GetValue(_debug))
        {
            _app.Debug = true;
        }
        else if (parse.GetValue(_noDebug))
        {
            _app.Debug = false;
        }
    }

    private RootCommand BuildRoot()
    {
        var root = new RootCommand($"The {_app.Name} Flagon application.") { _debug, _noDebug };
        var envHost = Environment.GetEnvironmentVariable("FLAGON_RUN_HOST");
        var envPort = int.TryParse(Environment.GetEnvironmentVariable("FLAGON_RUN_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 5000;
        root.SetAction(parse =>
        {
            ApplyDebug(parse);
            _app.Serve(string.IsNullOrEmpty(envHost) ? null : envHost, envPort);
            return 0;
        });

        var host = new Option<string>("--host") { Description = "The interface to bind to (FLAGON_RUN_HOST).", DefaultValueFactory = _ => string.IsNullOrEmpty(envHost) ? "127.0.0.1" : envHost };
        var port = new Option<int>("--port", "-p") { Description = "The port to bind to (FLAGON_RUN_PORT).", DefaultValueFactory = _ => envPort };
        var run = new Command("run", "Run a development server.") { host, port };
        run.SetAction(parse =>
        {
            ApplyDebug(parse);
            _app.Serve(parse.GetValue(host), parse.GetValue(port));
            return 0;
        });
        root.Subcommands.Add(run);

        var sort = new Option<string>("--sort", "-s") { Description = "Method to sort routes by: endpoint, methods, rule or match.", DefaultValueFactory = _ => "endpoint" };
        sort.AcceptOnlyFromAmong("endpoint", "methods", "rule", "match");
        var allMethods = new Option<bool>("--all-methods") { Description = "Show HEAD and OPTIONS methods." };
        var routes = new Command("routes", "Show the routes for the app.") { sort, allMethods };
        routes.SetAction(parse =>
        {
            ApplyDebug(parse);
            (parse.InvocationConfiguration.Output ?? Console.Out).Write(RouteTable.Format(_app, parse.GetValue(sort) ?? "endpoint", parse.GetValue(allMethods)));
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
