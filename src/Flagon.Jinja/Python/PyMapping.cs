using System.Collections;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Read access to anything that behaves as a Python <c>dict</c>: <see cref="PyDict"/>, non-generic
/// <see cref="IDictionary"/>, <c>IDictionary&lt;object, object?&gt;</c> and
/// <c>IReadOnlyDictionary&lt;string|object, object?&gt;</c>, with Python key equality.
/// </summary>
public readonly struct PyMapping
{
    private readonly object _target;

    private PyMapping(object target) => _target = target;

    /// <summary>The wrapped dictionary.</summary>
    public object Target => _target;

    /// <summary>Wraps <paramref name="value"/> when it is a dictionary the engine can read.</summary>
    public static bool TryWrap(object? value, out PyMapping mapping)
    {
        switch (value)
        {
            case PyDict:
            case IDictionary:
            case IDictionary<object, object?>:
            case IReadOnlyDictionary<string, object?>:
            case IReadOnlyDictionary<object, object?>:
                mapping = new PyMapping(value);
                return true;
            default:
                mapping = default;
                return false;
        }
    }

    /// <summary>Whether <paramref name="value"/> is a readable dictionary.</summary>
    public static bool IsMapping(object? value) => value is PyDict or IDictionary or IDictionary<object, object?>
        or IReadOnlyDictionary<string, object?> or IReadOnlyDictionary<object, object?>;

    /// <summary>The number of entries.</summary>
    public int Count => _target switch
    {
        PyDict d => d.Count,
        IDictionary d => d.Count,
        IDictionary<object, object?> d => d.Count,
        IReadOnlyDictionary<string, object?> d => d.Count,
        IReadOnlyDictionary<object, object?> d => d.Count,
        _ => 0,
    };

    /// <summary>The entries in the dictionary's order.</summary>
    public IEnumerable<KeyValuePair<object?, object?>> Pairs
    {
        get
        {
            switch (_target)
            {
                case PyDict d:
                    foreach (var kv in d)
                    {
                        yield return new(PyNoneKey.FromStored(kv.Key), kv.Value);
                    }
                    break;
                case IDictionary d:
                    foreach (DictionaryEntry kv in d)
                    {
                        yield return new(PyNoneKey.FromStored(kv.Key), kv.Value);
                    }
                    break;
                case IDictionary<object, object?> d:
                    foreach (var kv in d)
                    {
                        yield return new(PyNoneKey.FromStored(kv.Key), kv.Value);
                    }
                    break;
                case IReadOnlyDictionary<string, object?> d:
                    foreach (var kv in d)
                    {
                        yield return new(PyNoneKey.FromStored(kv.Key), kv.Value);
                    }
                    break;
                case IReadOnlyDictionary<object, object?> d:
                    foreach (var kv in d)
                    {
                        yield return new(PyNoneKey.FromStored(kv.Key), kv.Value);
                    }
                    break;
            }
        }
    }

    /// <summary>The keys in order.</summary>
    public IEnumerable<object?> Keys => Pairs.Select(p => p.Key);

    /// <summary>Looks a key up with Python equality (<c>1 == 1.0 == True</c>, <c>Markup == str</c>).</summary>
    public bool TryGetValue(object? key, out object? value)
    {
        switch (_target)
        {
            case PyDict d:
                if (d.TryGetValue(PyNoneKey.ToStored(key), out value))
                {
                    return true;
                }
                value = null;
                return false;
            case IReadOnlyDictionary<string, object?> d when key is string or Markup:
                return d.TryGetValue(key.ToString()!, out value);
            case IDictionary d when key is string:
                if (d.Contains(key))
                {
                    value = d[key];
                    return true;
                }
                value = null;
                return false;
        }
        foreach (var kv in Pairs)
        {
            if (PyOps.Equal(kv.Key, key))
            {
                value = kv.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>Whether the dictionary holds <paramref name="key"/>.</summary>
    public bool ContainsKey(object? key) => TryGetValue(key, out _);
}
