using System.Collections;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// A Python iterator or generator (what <c>map</c>, <c>select</c>, <c>unique</c>, <c>batch</c>,
/// <c>reverse</c>… return in Jinja2): lazy, single pass (a second loop sees only what is left),
/// always true, and without <c>len()</c> or indexing, so templates fail where Jinja2 fails.
/// </summary>
public sealed class PyIterator : IEnumerable<object?>
{
    private readonly IEnumerator<object?> _source;
    private bool _done;

    /// <summary>Wraps a lazy sequence under a Python type name (<c>generator</c>, <c>list_reverseiterator</c>, …).</summary>
    public PyIterator(string typeName, IEnumerable<object?> source)
    {
        TypeName = typeName;
        _source = source.GetEnumerator();
    }

    /// <summary>The Python type name shown in error messages.</summary>
    public string TypeName { get; }

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator()
    {
        while (!_done)
        {
            if (!_source.MoveNext())
            {
                _done = true;
                _source.Dispose();
                yield break;
            }
            yield return _source.Current;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"<{TypeName} object>";
}
