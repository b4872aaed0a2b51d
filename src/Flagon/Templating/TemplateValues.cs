using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Flagon.Templating;

/// <summary>Small conversions between Flagon's .NET objects and template values (the engine's value model).</summary>
internal static class TemplateValues
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> _properties = new();

    /// <summary>Numbers and chars as the engine expects them (long, double, string); everything else as is.</summary>
    public static object? Normalize(object? value) => value switch
    {
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint ui => (long)ui,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        _ => value,
    };

    /// <summary>
    /// A render context as a fresh dictionary: a dictionary or key/value sequence is copied, any other object
    /// contributes its public instance properties (anonymous objects, records).
    /// </summary>
    public static Dictionary<string, object?> ToDictionary(object? context)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        CopyInto(result, context);
        return result;
    }

    /// <summary>Sets the entries of <see cref="ToDictionary"/>'s dictionary for <paramref name="context"/> in <paramref name="result"/>, in the same order (later keys win).</summary>
    public static void CopyInto(Dictionary<string, object?> result, object? context)
    {
        switch (context)
        {
            case null:
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (key, value) in pairs)
                {
                    result[key] = value;
                }

                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    result[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
                }

                break;
            default:
                foreach (var property in PropertiesOf(context.GetType()))
                {
                    result[property.Name] = property.GetValue(context);
                }

                break;
        }
    }

    /// <summary>The entries <see cref="CopyInto"/> sets for <paramref name="context"/>, in the same order.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Pairs(object? context)
    {
        switch (context)
        {
            case null:
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var pair in pairs)
                {
                    yield return pair;
                }

                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    yield return new(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
                }

                break;
            default:
                foreach (var property in PropertiesOf(context.GetType()))
                {
                    yield return new(property.Name, property.GetValue(context));
                }

                break;
        }
    }

    /// <summary>The readable properties <see cref="CopyInto"/> takes from <paramref name="context"/>, or null when it is null, a dictionary or a key/value sequence.</summary>
    public static PropertyInfo[]? PropertiesOrNull(object? context)
        => context is null or IEnumerable<KeyValuePair<string, object?>> or IDictionary ? null : PropertiesOf(context.GetType());

    private static PropertyInfo[] PropertiesOf(Type type)
        => _properties.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray());

    /// <summary>The strings of a template list or tuple (for arguments such as <c>category_filter</c>).</summary>
    public static IEnumerable<string> Strings(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable e => e.Cast<object?>().Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
        _ => [Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty],
    };

    /// <summary>Python truthiness for the few argument types template callers pass as flags.</summary>
    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        ICollection c => c.Count > 0,
        _ => true,
    };
}
