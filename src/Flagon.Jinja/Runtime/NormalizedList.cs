using System.Collections;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// A read-only view of a .NET list (<c>List&lt;T&gt;</c>, arrays, any <see cref="IList"/>) whose items are
/// normalised to the value model as they are read: what a <c>for</c> loop or an unpacking reads from
/// .NET data, without copying the list into a new one per render.
/// </summary>
internal sealed class NormalizedList(IList items) : IReadOnlyList<object?>
{
    public int Count => items.Count;

    public object? this[int index] => ObjectAdapter.Normalize(items[index]);

    public IEnumerator<object?> GetEnumerator()
    {
        for (int i = 0; i < items.Count; i++)
        {
            yield return ObjectAdapter.Normalize(items[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
