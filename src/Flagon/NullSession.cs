using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Flagon;

/// <summary>Flask's <c>NullSession</c>: an empty session that can be read but not written, with Flask's explanation why.</summary>
public sealed class NullSession : IFlagonSession
{
    private const string Message = "The session is unavailable because no secret key was set. Set the SECRET_KEY on the application to something unique and secret.";

    /// <inheritdoc />
    public bool New => true;

    /// <inheritdoc />
    public bool Modified { get => false; set => Fail(); }

    /// <inheritdoc />
    public bool Accessed { get; set; }

    /// <inheritdoc />
    public bool Permanent { get => false; set => Fail(); }

    /// <inheritdoc />
    public object? this[string key] { get => throw new KeyNotFoundException(key); set => Fail(); }

    /// <inheritdoc />
    public ICollection<string> Keys => [];

    /// <inheritdoc />
    public ICollection<object?> Values => [];

    /// <inheritdoc />
    public int Count => 0;

    /// <inheritdoc />
    public bool IsReadOnly => true;

    /// <inheritdoc />
    public void Add(string key, object? value) => Fail();

    /// <inheritdoc />
    public void Add(KeyValuePair<string, object?> item) => Fail();

    /// <inheritdoc />
    public void Clear() => Fail();

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, object?> item) => false;

    /// <inheritdoc />
    public bool ContainsKey(string key) => false;

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, object?>>().GetEnumerator();

    /// <inheritdoc />
    public bool Remove(string key) => Fail();

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, object?> item) => Fail();

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        value = null;
        return false;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [DoesNotReturn]
    private static bool Fail() => throw new InvalidOperationException(Message);
}
