using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Flagon.Sessions;

/// <summary>
/// The session: a string-keyed dictionary with Flask's flags. Writes set <see cref="Modified"/> (only
/// the dictionary itself is tracked: after changing a nested list or dict in place, set
/// <see cref="Modified"/> yourself, as in Flask). Every read or write sets <see cref="Accessed"/>,
/// including <see cref="ContainsKey"/>, <see cref="Count"/> and enumeration (Flask 3.1.3), which adds
/// <c>Vary: Cookie</c>. A null session (no secret key) reads as empty and throws on every write.
/// </summary>
public class SessionData : IDictionary<string, object?>, IReadOnlyDictionary<string, object?>
{
    /// <summary>Flask's error for writing a session when no secret key is set (its exact text).</summary>
    public const string NoSecretKeyMessage =
        "The session is unavailable because no secret key was set.  Set the secret_key on the application to something unique and secret.";

    /// <summary>The key that stores <see cref="Permanent"/>.</summary>
    public const string PermanentKey = "_permanent";

    private readonly OrderedDictionary<string, object?> _items = new(StringComparer.Ordinal);

    /// <summary>Creates an empty session.</summary>
    public SessionData() { }

    /// <summary>Creates a session holding <paramref name="initial"/>; it starts unmodified and unaccessed.</summary>
    public SessionData(IEnumerable<KeyValuePair<string, object?>> initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        foreach (var (key, value) in initial)
        {
            _items[key] = value;
        }
    }

    /// <summary>A null session: what requests get when no secret key is set. Reads see it empty; writes throw <see cref="InvalidOperationException"/>.</summary>
    public static SessionData CreateNull() => new() { IsNull = true };

    /// <summary>True for the null session made when sessions are unavailable (no secret key).</summary>
    public bool IsNull { get; private init; }

    /// <summary>Set by any write to the dictionary; the cookie is only written when this is true (or the session is permanent and refreshed each request).</summary>
    public bool Modified { get; set; }

    /// <summary>Set by any read or write; the response then gets <c>Vary: Cookie</c>.</summary>
    public bool Accessed { get; set; }

    /// <summary>Whether the session is new. Cookie sessions cannot tell, so it stays false, as in Flask.</summary>
    public bool New { get; set; }

    /// <summary>Whether the cookie outlives the browser session (<c>PERMANENT_SESSION_LIFETIME</c>); stored under <c>_permanent</c>.</summary>
    public bool Permanent
    {
        get => IsTruthy(Get(PermanentKey));
        set => this[PermanentKey] = value;
    }

    /// <summary>The value under <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> when missing (Python's <c>KeyError</c>).</summary>
    public object? this[string key]
    {
        get
        {
            Accessed = true;
            return _items.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The session has no key '{key}'.");
        }
        set
        {
            ThrowIfNull();
            _items[key] = value;
            Touch();
        }
    }

    /// <summary>The value under <paramref name="key"/>, or <paramref name="defaultValue"/> (Python's <c>session.get</c>).</summary>
    public object? Get(string key, object? defaultValue = null)
    {
        Accessed = true;
        return _items.TryGetValue(key, out var value) ? value : defaultValue;
    }

    /// <summary>Removes and returns the value under <paramref name="key"/>, or <paramref name="defaultValue"/> when missing (Python's <c>session.pop</c>).</summary>
    public object? Pop(string key, object? defaultValue = null)
    {
        ThrowIfNull();
        Accessed = true;
        if (_items.Remove(key, out var value))
        {
            Modified = true;
            return value;
        }
        return defaultValue;
    }

    /// <summary>Returns the value under <paramref name="key"/>, first storing <paramref name="defaultValue"/> there when missing (Python's <c>setdefault</c>).</summary>
    public object? SetDefault(string key, object? defaultValue = null)
    {
        ThrowIfNull();
        Accessed = true;
        if (_items.TryGetValue(key, out var value))
        {
            return value;
        }
        _items[key] = defaultValue;
        Modified = true;
        return defaultValue;
    }

    /// <summary>Stores every pair (Python's <c>update</c>).</summary>
    public void Update(IEnumerable<KeyValuePair<string, object?>> items)
    {
        ThrowIfNull();
        foreach (var (key, value) in items)
        {
            _items[key] = value;
        }
        Touch();
    }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            Accessed = true;
            return _items.Count;
        }
    }

    /// <inheritdoc />
    public bool IsReadOnly => IsNull;

    /// <inheritdoc />
    public ICollection<string> Keys
    {
        get
        {
            Accessed = true;
            return _items.Keys.ToList();
        }
    }

    /// <inheritdoc />
    public ICollection<object?> Values
    {
        get
        {
            Accessed = true;
            return _items.Values.ToList();
        }
    }

    IEnumerable<string> IReadOnlyDictionary<string, object?>.Keys => Keys;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    /// <inheritdoc />
    public void Add(string key, object? value)
    {
        ThrowIfNull();
        _items.Add(key, value);
        Touch();
    }

    /// <inheritdoc />
    public bool ContainsKey(string key)
    {
        Accessed = true;
        return _items.ContainsKey(key);
    }

    /// <inheritdoc />
    public bool Remove(string key)
    {
        ThrowIfNull();
        Accessed = true;
        if (_items.Remove(key))
        {
            Modified = true;
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        Accessed = true;
        return _items.TryGetValue(key, out value);
    }

    /// <inheritdoc />
    public void Clear()
    {
        ThrowIfNull();
        _items.Clear();
        Touch();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        Accessed = true;
        return _items.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        Accessed = true;
        ((ICollection<KeyValuePair<string, object?>>)_items).CopyTo(array, arrayIndex);
    }

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)this).Contains(item) && Remove(item.Key);

    /// <summary>The number of items, without marking the session accessed (for session backends).</summary>
    internal int RawCount => _items.Count;

    /// <summary>Whether the session is permanent, without marking it accessed (for session backends).</summary>
    internal bool RawPermanent => _items.TryGetValue(PermanentKey, out var value) && IsTruthy(value);

    /// <summary>A copy of the items, without marking the session accessed (for session backends).</summary>
    internal List<KeyValuePair<string, object?>> Snapshot() => [.. _items];

    /// <summary>The session's items without touching its flags: what a backend stores.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> GetItemsForStorage() => Snapshot();

    private void Touch()
    {
        Modified = true;
        Accessed = true;
    }

    private void ThrowIfNull()
    {
        if (IsNull)
        {
            throw new InvalidOperationException(NoSecretKeyMessage);
        }
    }

    /// <summary>Python's truth value for the value types a session holds.</summary>
    internal static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        BigInteger bi => !bi.IsZero,
        string s => s.Length > 0,
        ICollection c => c.Count > 0,
        _ => true,
    };
}
