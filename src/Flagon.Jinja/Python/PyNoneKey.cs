namespace Flagon.Jinja.Python;

/// <summary>
/// The stand-in for Python's <c>None</c> as a dictionary key: .NET dictionaries (and so
/// <see cref="Runtime.PyDict"/>) refuse null keys, so <c>{none: 1}</c> stores this object instead.
/// The Python layer reads it back as <c>None</c> everywhere (repr, <c>in</c>, <c>get</c>, JSON, views).
/// </summary>
public static class PyNoneKey
{
    /// <summary>The shared sentinel stored in place of a None key.</summary>
    public static readonly object Value = new Sentinel();

    /// <summary>The key to store for <paramref name="key"/> (the sentinel for null).</summary>
    public static object ToStored(object? key) => key ?? Value;

    /// <summary>The Python key a stored key stands for (null for the sentinel).</summary>
    public static object? FromStored(object? key) => ReferenceEquals(key, Value) ? null : key;

    private sealed class Sentinel
    {
        public override string ToString() => "None";
    }
}
