using System.CommandLine;

namespace Flagon.Blueprints;

/// <summary>
/// A blueprint's commands (Flask's <c>bp.cli</c>): recorded here and added to the app's command line when the blueprint
/// is registered, under a group named after the blueprint by default (<c>dotnet run -- admin create</c>), under another
/// group name, or at the top level (see <see cref="Blueprint.CliGroup"/>). Like the app's commands, they run inside an
/// application context of the app they are registered on.
/// </summary>
public sealed class BlueprintCli
{
    private readonly List<Spec> _commands = [];
    private readonly Blueprint _owner;

    internal BlueprintCli(Blueprint owner)
    {
        _owner = owner;
    }

    /// <summary>The names of the commands recorded so far, in order.</summary>
    public IReadOnlyList<string> CommandNames => [.. _commands.Select(c => c.Name)];

    internal IReadOnlyList<Spec> Specs => _commands;

    /// <summary>Records a command (Flask's <c>@bp.cli.command</c>); <paramref name="symbols"/> are its options and arguments.</summary>
    public void Command(string name, string description, Action<ParseResult> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(action);
        Add(name, description, (parse, _) =>
        {
            action(parse);
            return Task.FromResult(0);
        }, symbols);
    }

    /// <summary>Records a command with an async action.</summary>
    public void Command(string name, string description, Func<ParseResult, Task> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(action);
        Add(name, description, async (parse, _) =>
        {
            await action(parse);
            return 0;
        }, symbols);
    }

    /// <summary>Records a command with an async action that returns the exit code.</summary>
    public void Command(string name, string description, Func<ParseResult, Task<int>> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(action);
        Add(name, description, (parse, _) => action(parse), symbols);
    }

    /// <summary>Records a command with an async action that gets the cancellation token and returns the exit code.</summary>
    public void Command(string name, string description, Func<ParseResult, CancellationToken, Task<int>> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(action);
        Add(name, description, action, symbols);
    }

    /// <summary>Records a command without a description.</summary>
    public void Command(string name, Action<ParseResult> action, params Symbol[] symbols) => Command(name, string.Empty, action, symbols);

    /// <summary>Records an async command without a description.</summary>
    public void Command(string name, Func<ParseResult, Task> action, params Symbol[] symbols) => Command(name, string.Empty, action, symbols);

    private void Add(string name, string description, Func<ParseResult, CancellationToken, Task<int>> action, Symbol[] symbols)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _owner.CheckSetup("cli.command");
        _commands.Add(new Spec(name, description, action, symbols ?? []));
    }

    /// <summary>One recorded command; the app builds a fresh <see cref="System.CommandLine.Command"/> from it per registration.</summary>
    internal sealed record Spec(string Name, string Description, Func<ParseResult, CancellationToken, Task<int>> Action, Symbol[] Symbols);
}
