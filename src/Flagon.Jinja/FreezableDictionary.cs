using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Flagon.Jinja;

/// <summary>A dictionary view whose every change first asks the owner (the environment) whether it is still mutable.</summary>
internal sealed class FreezableDictionary(Dictionary<string, object?> inner, Action checkMutable) : IDictionary<string, object?>
{
    public object? this[string key]
    {
        get => inner[key];
        set
        {
            checkMutable();
            inner[key] = value;
        }
    }

    public ICollection<string> Keys => inner.Keys;

    public ICollection<object?> Values => inner.Values;

    public int Count => inner.Count;

    public bool IsReadOnly => false;

    public void Add(string key, object? value)
    {
        checkMutable();
        inner.Add(key, value);
    }

    public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    public void Clear()
    {
        checkMutable();
        inner.Clear();
    }

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)inner).Contains(item);

    public bool ContainsKey(string key) => inner.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object?>>)inner).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => inner.GetEnumerator();

    public bool Remove(string key)
    {
        checkMutable();
        return inner.Remove(key);
    }

    public bool Remove(KeyValuePair<string, object?> item)
    {
        checkMutable();
        return ((ICollection<KeyValuePair<string, object?>>)inner).Remove(item);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => inner.TryGetValue(key, out value);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
