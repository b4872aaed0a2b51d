namespace Flagon.Jinja.Runtime;

/// <summary>Jinja's <c>joiner(sep)</c>: returns '' the first time it is called, the separator afterwards.</summary>
internal sealed class Joiner(string separator) : IJinjaCallable
{
    private bool _used;

    public object? Call(EvalContext context, object?[] args, IReadOnlyList<KeyValuePair<string, object?>>? kwargs)
    {
        if (!_used)
        {
            _used = true;
            return "";
        }
        return separator;
    }
}
