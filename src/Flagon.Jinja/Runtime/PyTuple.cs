using System.Collections;

namespace Flagon.Jinja.Runtime;

/// <summary>A Python tuple: an immutable sequence, equal only to tuples with equal items.</summary>
public class PyTuple : IReadOnlyList<object?>, IEquatable<PyTuple>
{
    private readonly object?[] _items;

    /// <summary>The empty tuple.</summary>
    public static readonly PyTuple Empty = new([]);

    /// <summary>Creates a tuple over <paramref name="items"/> (the array is owned by the tuple afterwards).</summary>
    public PyTuple(params object?[] items) => _items = items;

    /// <summary>Creates a tuple holding a copy of <paramref name="items"/>.</summary>
    public static PyTuple From(IEnumerable<object?> items) => new(items.ToArray());

    /// <inheritdoc />
    public object? this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <summary>The items as a read-only span.</summary>
    public ReadOnlySpan<object?> AsSpan() => _items;

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(PyTuple? other)
    {
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }
        for (int i = 0; i < _items.Length; i++)
        {
            if (!PyValueComparer.Instance.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PyTuple);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(PyValueComparer.Instance.GetHashCode(item!));
        }
        return hash.ToHashCode();
    }
}
