namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>The arguments of a call, filter or test: positional, keyword, <c>*args</c> and <c>**kwargs</c>.</summary>
internal sealed class CallArgs
{
    /// <summary>No arguments.</summary>
    public static CallArgs None => new();

    /// <summary>One shared instance for the many filters and tests written without arguments; never modified.</summary>
    public static readonly CallArgs Empty = new();

    public List<Expr> Args { get; } = new();
    /// <summary>The keyword arguments (a shared empty list until <see cref="AddKwarg"/>; never add to it directly).</summary>
    public List<KeyValuePair<string, Expr>> Kwargs => _kwargs ?? NoKwargs;

    private static readonly List<KeyValuePair<string, Expr>> NoKwargs = new();
    private List<KeyValuePair<string, Expr>>? _kwargs;

    /// <summary>Adds a keyword argument.</summary>
    public void AddKwarg(string key, Expr value) => (_kwargs ??= new()).Add(new(key, value));
    public Expr? DynArgs { get; set; }
    public Expr? DynKwargs { get; set; }

    /// <summary>Every sub-expression, in order.</summary>
    public IEnumerable<Expr> All()
    {
        foreach (var a in Args) { yield return a; }
        foreach (var k in Kwargs) { yield return k.Value; }
        if (DynArgs is not null) { yield return DynArgs; }
        if (DynKwargs is not null) { yield return DynKwargs; }
    }
}
