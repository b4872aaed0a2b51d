using System.Collections;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// A Python <c>dict</c>: keys keep their insertion order (also after removals) and compare with
/// Python's equality (<see cref="PyValueComparer"/>), so <c>{1: 'a'}[1.0]</c> finds <c>'a'</c>.
/// </summary>
public sealed class PyDict : IDictionary<object, object?>, IReadOnlyDictionary<object, object?>
{
    private readonly Dictionary<object, int> _index;
    private readonly List<KeyValuePair<object, object?>?> _entries;
    private int _count;

    /// <summary>Creates an empty dictionary.</summary>
    public PyDict() : this(0) { }

    /// <summary>Creates an empty dictionary with room for <paramref name="capacity"/> items.</summary>
    public PyDict(int capacity)
    {
        _index = new Dictionary<object, int>(capacity, PyValueComparer.Instance!);
        _entries = new List<KeyValuePair<object, object?>?>(capacity);
    }

    /// <summary>Creates a dictionary holding <paramref name="items"/> in their order (later keys win).</summary>
    public PyDict(IEnumerable<KeyValuePair<object, object?>> items) : this()
    {
        foreach (var item in items)
        {
            this[item.Key] = item.Value;
        }
    }

    /// <summary>The value stored under a key; setting keeps the key's original position.</summary>
    public object? this[object key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException();
        set
        {
            if (_index.TryGetValue(key, out int slot))
            {
                _entries[slot] = new KeyValuePair<object, object?>(_entries[slot]!.Value.Key, value);
            }
            else
            {
                _index[key] = _entries.Count;
                _entries.Add(new KeyValuePair<object, object?>(key, value));
                _count++;
            }
        }
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>The keys in insertion order.</summary>
    public ICollection<object> Keys => this.Select(e => e.Key).ToList();

    /// <summary>The values in insertion order.</summary>
    public ICollection<object?> Values => this.Select(e => e.Value).ToList();

    IEnumerable<object> IReadOnlyDictionary<object, object?>.Keys => Keys;

    IEnumerable<object?> IReadOnlyDictionary<object, object?>.Values => Values;

    /// <inheritdoc />
    public void Add(object key, object? value)
    {
        if (_index.ContainsKey(key))
        {
            throw new ArgumentException("An item with the same key has already been added.", nameof(key));
        }
        this[key] = value;
    }

    /// <inheritdoc />
    public void Add(KeyValuePair<object, object?> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear()
    {
        _index.Clear();
        _entries.Clear();
        _count = 0;
    }

    /// <inheritdoc />
    public bool Contains(KeyValuePair<object, object?> item) =>
        TryGetValue(item.Key, out var value) && PyValueComparer.Instance.Equals(value, item.Value);

    /// <inheritdoc />
    public bool ContainsKey(object key) => _index.ContainsKey(key);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<object, object?>[] array, int arrayIndex)
    {
        foreach (var entry in this)
        {
            array[arrayIndex++] = entry;
        }
    }

    /// <inheritdoc />
    public bool Remove(object key)
    {
        if (!_index.Remove(key, out int slot))
        {
            return false;
        }
        _entries[slot] = null;
        _count--;
        if (_entries.Count > 32 && _count < _entries.Count / 2)
        {
            Compact();
        }
        return true;
    }

    /// <inheritdoc />
    public bool Remove(KeyValuePair<object, object?> item) => Contains(item) && Remove(item.Key);

    /// <inheritdoc />
    public bool TryGetValue(object key, out object? value)
    {
        if (_index.TryGetValue(key, out int slot))
        {
            value = _entries[slot]!.Value.Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<object, object?>> GetEnumerator()
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i] is { } entry)
            {
                yield return entry;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Compact()
    {
        var live = this.ToList();
        _entries.Clear();
        _index.Clear();
        foreach (var entry in live)
        {
            _index[entry.Key] = _entries.Count;
            _entries.Add(entry);
        }
    }
}
