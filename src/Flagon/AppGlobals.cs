using System.Collections;

namespace Flagon;

/// <summary>
/// Flask's <c>g</c>: a per-app-context bag for data shared during one request or one app context (a database
/// connection, the logged-in user). Read with the indexer or <c>Get</c>, write with the indexer or <c>Set</c>.
/// </summary>
public class AppGlobals : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>Gets or sets a value; reading a missing name is an error (Python's AttributeError).</summary>
    public object? this[string name]
    {
        get => _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"'g' has no attribute '{name}'.");
        set => _values[name] = value;
    }

    /// <summary>The value of <paramref name="name"/>, or <paramref name="defaultValue"/>.</summary>
    public object? Get(string name, object? defaultValue = null) => _values.TryGetValue(name, out var value) ? value : defaultValue;

    /// <summary>The value of <paramref name="name"/> as <typeparamref name="T"/>, or <paramref name="defaultValue"/> when missing or of another type.</summary>
    public T? Get<T>(string name, T? defaultValue = default) => _values.TryGetValue(name, out var value) && value is T t ? t : defaultValue;

    /// <summary>Sets <paramref name="name"/>.</summary>
    public void Set(string name, object? value) => _values[name] = value;

    /// <summary>Removes and returns <paramref name="name"/>, or returns <paramref name="defaultValue"/>.</summary>
    public object? Pop(string name, object? defaultValue = null) => _values.Remove(name, out var value) ? value : defaultValue;

    /// <summary>Returns the value of <paramref name="name"/>, setting it to <paramref name="defaultValue"/> first if missing.</summary>
    public object? SetDefault(string name, object? defaultValue = null)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            _values[name] = value = defaultValue;
        }

        return value;
    }

    /// <summary>True when <paramref name="name"/> is set (Python's <c>in</c>).</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
