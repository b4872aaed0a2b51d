using System.Collections;
using Flagon.Exceptions;

namespace Flagon;

/// <summary>
/// Werkzeug's <c>MultiDict</c>: an ordered, read-only mapping where a key can hold several values. The indexer
/// gives the first value (a missing key is a 400 <see cref="BadRequestKeyError"/>), <c>GetList</c> gives them all.
/// </summary>
/// <typeparam name="TValue">The value type: <see cref="string"/> for args and form, <see cref="FileStorage"/> for files.</typeparam>
public class MultiDict<TValue> : IEnumerable<KeyValuePair<string, TValue>>
{
    private readonly List<KeyValuePair<string, TValue>> _items = [];
    private readonly Dictionary<string, List<TValue>> _byKey = new(StringComparer.Ordinal);

    /// <summary>Creates an empty MultiDict.</summary>
    public MultiDict()
    {
    }

    /// <summary>Creates a MultiDict from pairs, keeping their order and repeated keys.</summary>
    public MultiDict(IEnumerable<KeyValuePair<string, TValue>> items)
    {
        foreach (var (key, value) in items)
        {
            Add(key, value);
        }
    }

    internal void Add(string key, TValue value)
    {
        _items.Add(new(key, value));
        if (!_byKey.TryGetValue(key, out var list))
        {
            _byKey[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>The first value for <paramref name="key"/>; a missing key raises a 400 (<see cref="BadRequestKeyError"/>).</summary>
    public TValue this[string key] => _byKey.TryGetValue(key, out var list) ? list[0] : throw new BadRequestKeyError(key);

    /// <summary>The distinct keys, in first-seen order.</summary>
    public IEnumerable<string> Keys => _byKey.Keys;

    /// <summary>The number of distinct keys.</summary>
    public int Count => _byKey.Count;

    /// <summary>True when the key is present.</summary>
    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    /// <summary>The first value for <paramref name="key"/>, or <paramref name="defaultValue"/>.</summary>
    public TValue? Get(string key, TValue? defaultValue = default) => _byKey.TryGetValue(key, out var list) ? list[0] : defaultValue;

    /// <summary>The first value converted to <typeparamref name="T"/>; a missing or unconvertible value gives <paramref name="defaultValue"/> (Werkzeug's <c>type=</c>).</summary>
    public T? Get<T>(string key, T? defaultValue = default)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            return defaultValue;
        }

        return ValueConversion.TryConvert(list[0], typeof(T), out var converted) ? (T?)converted : defaultValue;
    }

    /// <summary>The first value converted by <paramref name="type"/>; a conversion that throws gives <paramref name="defaultValue"/>.</summary>
    public T? Get<T>(string key, Func<TValue, T> type, T? defaultValue = default)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            return defaultValue;
        }

        try
        {
            return type(list[0]);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            return defaultValue;
        }
    }

    /// <summary>Every value for <paramref name="key"/> (empty when missing).</summary>
    public IReadOnlyList<TValue> GetList(string key) => _byKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>Every value converted to <typeparamref name="T"/>; values that do not convert are skipped, as Werkzeug does.</summary>
    public IReadOnlyList<T> GetList<T>(string key)
    {
        var result = new List<T>();
        foreach (var value in GetList(key))
        {
            if (ValueConversion.TryConvert(value, typeof(T), out var converted))
            {
                result.Add((T)converted!);
            }
        }

        return result;
    }

    /// <summary>A plain dictionary of the first value per key (Werkzeug's <c>to_dict()</c>).</summary>
    public Dictionary<string, TValue> ToDictionary() => _byKey.ToDictionary(kv => kv.Key, kv => kv.Value[0], StringComparer.Ordinal);

    /// <summary>Every (key, value) pair, repeated keys included, in order.</summary>
    public IEnumerable<KeyValuePair<string, TValue>> Items() => _items;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
