using Flagon.Jinja.Runtime;

namespace Flagon.Jinja;

/// <summary>
/// The filters or tests of an environment, by name. Assign any .NET delegate
/// (<c>env.Filters["shout"] = (string s) => s.ToUpper() + "!"</c>); it is bound once with Jinja's
/// calling convention (see <see cref="JinjaFunction"/>). For a filter the first parameter receives
/// the filtered value; for a test, the tested value.
/// </summary>
public sealed class FunctionRegistry
{
    private readonly Dictionary<string, JinjaFunction> _functions = new(StringComparer.Ordinal);
    private readonly Action _checkMutable;

    internal FunctionRegistry(Action checkMutable) => _checkMutable = checkMutable;

    /// <summary>Registers a delegate under a name (replacing any previous one); reading returns the bound function.</summary>
    public Delegate this[string name]
    {
        set => Add(name, value);
    }

    /// <summary>Registers a delegate under a name.</summary>
    public void Add(string name, Delegate function)
    {
        _checkMutable();
        _functions[name] = JinjaFunction.FromDelegate(name, function);
    }

    /// <summary>Registers an already bound function (for example <see cref="JinjaFunction.Raw"/>).</summary>
    public void Add(string name, JinjaFunction function)
    {
        _checkMutable();
        _functions[name] = function;
    }

    /// <summary>Removes a name; true when it was registered.</summary>
    public bool Remove(string name)
    {
        _checkMutable();
        return _functions.Remove(name);
    }

    /// <summary>True when a function of that name is registered.</summary>
    public bool Contains(string name) => _functions.ContainsKey(name);

    /// <summary>Looks up a function.</summary>
    public bool TryGet(string name, out JinjaFunction function) => _functions.TryGetValue(name, out function!);

    /// <summary>Every registered name.</summary>
    public IEnumerable<string> Names => _functions.Keys;
}
