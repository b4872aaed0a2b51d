using System.Collections;

namespace Flagon.Security;

/// <summary>Recognises the .NET shapes that serialize as JSON objects (string-keyed dictionaries of any kind).</summary>
internal static class JsonShapes
{
    /// <summary>True when <paramref name="value"/> is a dictionary; its entries are returned in their own order.</summary>
    public static bool TryGetObject(object value, out List<KeyValuePair<string, object?>> entries)
    {
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> typed:
                entries = [.. typed];
                return true;
            case IDictionary<object, object?> py:
                entries = py.Select(e => new KeyValuePair<string, object?>(KeyOf(e.Key), e.Value)).ToList();
                return true;
            case IDictionary legacy:
                entries = [];
                foreach (DictionaryEntry e in legacy)
                {
                    entries.Add(new KeyValuePair<string, object?>(KeyOf(e.Key), e.Value));
                }
                return true;
            default:
                entries = [];
                return false;
        }
    }

    private static string KeyOf(object key) =>
        key as string ?? throw new InvalidOperationException($"JSON object keys must be strings, not {key.GetType().Name}");
}
