using System.Collections.Concurrent;
using System.Globalization;

namespace Flagon.Sqlite;

/// <summary>
/// Converters by declared column type, applied when rows are read (Python's <c>sqlite3.register_converter</c>
/// with <c>PARSE_DECLTYPES</c>): a <c>TIMESTAMP</c> column reads as <see cref="DateTime"/> and a <c>DATE</c>
/// column as <see cref="DateOnly"/>, so <c>created TIMESTAMP DEFAULT CURRENT_TIMESTAMP</c> comes back as a date.
/// </summary>
public static class SqliteConverters
{
    private static readonly ConcurrentDictionary<string, Func<object, object?>> _converters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["timestamp"] = value => value is string s && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : value,
        ["date"] = value => value is string s && DateOnly.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : value,
    };

    /// <summary>Registers (or replaces) the converter for columns declared as <paramref name="declaredType"/> (case-insensitive).</summary>
    public static void Register(string declaredType, Func<object, object?> converter)
    {
        ArgumentException.ThrowIfNullOrEmpty(declaredType);
        ArgumentNullException.ThrowIfNull(converter);
        _converters[declaredType] = converter;
    }

    /// <summary>Removes the converter for <paramref name="declaredType"/>; true when there was one.</summary>
    public static bool Unregister(string declaredType) => _converters.TryRemove(declaredType, out _);

    /// <summary>Converts a non-null stored value by its column's declared type (the first word, as Python does); unknown types pass through.</summary>
    public static object? Convert(string? declaredType, object value)
    {
        if (string.IsNullOrEmpty(declaredType))
        {
            return value;
        }

        var space = declaredType.IndexOfAny([' ', '(']);
        var key = space < 0 ? declaredType : declaredType[..space];
        return _converters.TryGetValue(key, out var converter) ? converter(value) : value;
    }
}
