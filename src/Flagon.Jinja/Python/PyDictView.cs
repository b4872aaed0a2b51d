using System.Collections;

namespace Flagon.Jinja.Python;

/// <summary>
/// A live view of a dictionary as returned by <c>dict.items()</c>, <c>keys()</c> and <c>values()</c>:
/// iterable, sized, printed as Python does (<c>dict_items([('a', 1)])</c>).
/// </summary>
public sealed class PyDictView : IReadOnlyCollection<object?>
{
    /// <summary>Which view this is.</summary>
    public enum ViewKind
    {
        /// <summary><c>dict_keys</c>.</summary>
        Keys,

        /// <summary><c>dict_values</c>.</summary>
        Values,

        /// <summary><c>dict_items</c> (each item a <see cref="Flagon.Jinja.Runtime.PyTuple"/> pair).</summary>
        Items,
    }

    private readonly PyMapping _map;

    /// <summary>Creates a view over a readable dictionary.</summary>
    public PyDictView(PyMapping map, ViewKind kind)
    {
        _map = map;
        Kind = kind;
    }

    /// <summary>Which view this is.</summary>
    public ViewKind Kind { get; }

    /// <summary>The dictionary behind the view.</summary>
    public object Source => _map.Target;

    /// <summary>Python's type name: <c>dict_keys</c>, <c>dict_values</c> or <c>dict_items</c>.</summary>
    public string TypeName => Kind switch
    {
        ViewKind.Keys => "dict_keys",
        ViewKind.Values => "dict_values",
        _ => "dict_items",
    };

    /// <inheritdoc />
    public int Count => _map.Count;

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var kv in _map.Pairs)
        {
            yield return Kind switch
            {
                ViewKind.Keys => kv.Key,
                ViewKind.Values => kv.Value,
                _ => new Runtime.PyTuple(kv.Key, kv.Value),
            };
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal bool EqualsView(PyDictView other, int depth)
    {
        if (Kind == ViewKind.Values || other.Kind != Kind)
        {
            return ReferenceEquals(this, other);
        }
        if (Count != other.Count)
        {
            return false;
        }
        var mine = this.ToList();
        foreach (var item in other)
        {
            if (!mine.Any(m => PyOps.EqualAtDepth(m, item, depth + 1)))
            {
                return false;
            }
        }
        return true;
    }
}
