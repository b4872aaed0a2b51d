using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Flagon.Sqlite;

/// <summary>
/// One result row, readable by column name (case-insensitive, as Python's <c>sqlite3.Row</c>) or by position.
/// It is a read-only mapping, so templates read it like a dict: <c>{{ post['title'] }}</c>.
/// </summary>
public sealed class SqliteRow : IReadOnlyDictionary<string, object?>, IDictionary
{
    private readonly string[] _names;
    private readonly object?[] _values;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a row from its column names and values (same length).</summary>
    public SqliteRow(IReadOnlyList<string> names, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count != values.Count)
        {
            throw new ArgumentException("A row needs one value per column.", nameof(values));
        }

        _names = [.. names];
        _values = [.. values];
        _index = new Dictionary<string, int>(names.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _names.Length; i++)
        {
            _index.TryAdd(_names[i], i);
        }
    }

    /// <summary>The value of column <paramref name="name"/>; a missing column throws <see cref="KeyNotFoundException"/>.</summary>
    public object? this[string name] => _index.TryGetValue(name, out var i) ? _values[i] : throw new KeyNotFoundException($"No column named '{name}'.");

    /// <summary>The value at column position <paramref name="index"/> (from 0).</summary>
    public object? this[int index] => _values[index];

    /// <summary>The column names, in query order.</summary>
    public IReadOnlyList<string> ColumnNames => _names;

    /// <summary>The number of columns.</summary>
    public int Count => _names.Length;

    /// <summary>The column <paramref name="name"/> converted to <typeparamref name="T"/> (<c>row.Get&lt;int&gt;("id")</c>); null stays default.</summary>
    public T? Get<T>(string name)
    {
        var value = this[name];
        if (value is null)
        {
            return default;
        }

        if (value is T t)
        {
            return t;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public IEnumerable<string> Keys => _names;

    /// <inheritdoc />
    public IEnumerable<object?> Values => _values;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _values[i];
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_names[i], _values[i]);
        }
    }

    /// <summary>The row as <c>&lt;Row id=1, username='test'&gt;</c> (for logs and debugging).</summary>
    public override string ToString() =>
        "<Row " + string.Join(", ", _names.Select((n, i) => n + "=" + _values[i] switch
        {
            null => "None",
            string s => "'" + s + "'",
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        })) + ">";

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    bool IDictionary.IsFixedSize => true;

    bool IDictionary.IsReadOnly => true;

    ICollection IDictionary.Keys => _names;

    ICollection IDictionary.Values => _values;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    object? IDictionary.this[object key]
    {
        get => TryGetByKey(key, out var value) ? value : null;
        set => throw new NotSupportedException("A row is read-only.");
    }

    void IDictionary.Add(object key, object? value) => throw new NotSupportedException("A row is read-only.");

    void IDictionary.Clear() => throw new NotSupportedException("A row is read-only.");

    bool IDictionary.Contains(object key) => TryGetByKey(key, out _);

    IDictionaryEnumerator IDictionary.GetEnumerator() => new RowEnumerator(this);

    void IDictionary.Remove(object key) => throw new NotSupportedException("A row is read-only.");

    void ICollection.CopyTo(Array array, int index)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            array.SetValue(new DictionaryEntry(_names[i], _values[i]), index + i);
        }
    }

    /// <summary>Column lookups by name, and by position for integer keys (Python's <c>row[0]</c>).</summary>
    private bool TryGetByKey(object key, out object? value)
    {
        switch (key)
        {
            case string name:
                return TryGetValue(name, out value);
            case int or long when Convert.ToInt64(key, CultureInfo.InvariantCulture) is var i && i >= -_values.Length && i < _values.Length:
                value = _values[i < 0 ? i + _values.Length : i];
                return true;
            default:
                value = null;
                return false;
        }
    }

    private sealed class RowEnumerator(SqliteRow row) : IDictionaryEnumerator
    {
        private int _position = -1;

        public DictionaryEntry Entry => new(row._names[_position], row._values[_position]);

        public object Key => row._names[_position];

        public object? Value => row._values[_position];

        public object Current => Entry;

        public bool MoveNext() => ++_position < row._names.Length;

        public void Reset() => _position = -1;
    }
}
