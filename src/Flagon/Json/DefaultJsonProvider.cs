using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flagon.Jinja.Runtime;

namespace Flagon.Json;

/// <summary>
/// Flask's <c>DefaultJSONProvider</c>, byte for byte: sorted keys, ASCII-only output with <c>\uXXXX</c> escapes,
/// compact separators in responses (indent 2 in debug), a trailing newline, Python's float repr, dates as HTTP
/// dates, decimals and GUIDs as strings. Plain .NET objects go through System.Text.Json first (web defaults).
/// </summary>
public class DefaultJsonProvider : IJsonProvider
{
    /// <summary>The deepest nesting written or read; deeper values are an error, never a stack overflow.</summary>
    public const int MaxDepth = 500;

    private static readonly ConcurrentDictionary<Type, Func<object, IEnumerable<KeyValuePair<object?, object?>>>?> _pairReaders = new();
    [ThreadStatic]
    private static StringBuilder? t_builder;

    // Python's json: with ensure_ascii only printable ASCII (space to '~') other than the quote and backslash is kept;
    // without it, only control characters, the quote and the backslash are escaped.
    private static readonly SearchValues<char> _asciiSafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7f - 0x20).Select(i => (char)i).Where(c => c is not ('"' or '\\'))));

    private static readonly SearchValues<char> _mustEscape = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(i => (char)i)) + "\"\\");

    private readonly FlagonApp? _app;

    /// <summary>Creates the provider; <paramref name="app"/> decides compactness through its debug flag.</summary>
    public DefaultJsonProvider(FlagonApp? app = null)
    {
        _app = app;
    }

    /// <summary>Escape every non-ASCII character (Python's <c>ensure_ascii</c>).</summary>
    public bool EnsureAscii { get; set; } = true;

    /// <summary>Sort object keys (Python's <c>sort_keys</c>).</summary>
    public bool SortKeys { get; set; } = true;

    /// <summary>Compact output; null means compact unless the app is in debug mode (then indent 2).</summary>
    public bool? Compact { get; set; }

    /// <inheritdoc />
    public string MimeType { get; set; } = "application/json";

    /// <summary>A fallback for values this provider does not know (Flask's <c>default</c>); return a serializable value.</summary>
    public Func<object, object?>? Default { get; set; }

    /// <inheritdoc />
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public string Dumps(object? value) => Dumps(value, indent: null, itemSeparator: ", ", keySeparator: ": ");

    /// <summary>Serializes with explicit layout: <paramref name="indent"/> spaces per level (null for one line) and separators.</summary>
    public string Dumps(object? value, int? indent, string itemSeparator, string keySeparator) => Serialize(value, indent, itemSeparator, keySeparator, newline: false);

    private string Serialize(object? value, int? indent, string itemSeparator, string keySeparator, bool newline)
    {
        // One builder per thread, reused while it stays small: a response's JSON costs one string, not a builder's growth.
        var sb = t_builder ?? new StringBuilder(256);
        t_builder = null;
        try
        {
            Write(sb, value, indent, indent is null ? itemSeparator : itemSeparator.TrimEnd(), keySeparator, 0);
            if (newline)
            {
                sb.Append('\n');
            }

            return sb.ToString();
        }
        finally
        {
            if (sb.Capacity <= 8192)
            {
                sb.Clear();
                t_builder = sb;
            }
        }
    }

    /// <inheritdoc />
    public object? Loads(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
        return FromElement(document.RootElement);
    }

    /// <inheritdoc />
    public Response Response(object? value)
    {
        var pretty = Compact == false || (Compact is null && _app?.Debug == true);
        var text = pretty ? Serialize(value, 2, ",", ": ", newline: true) : Serialize(value, null, ",", ":", newline: true);
        return new Response(text, mimeType: MimeType);
    }

    /// <summary>Converts a parsed JSON element to Flagon's plain values (dictionary, list, string, long/BigInteger, double, bool, null).</summary>
    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), (d, p) =>
        {
            d[p.Name] = FromElement(p.Value);
            return d;
        }),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => ParseNumber(element.GetRawText()),
    };

    private static object ParseNumber(string raw)
    {
        if (raw.AsSpan().IndexOfAny(".eE") >= 0)
        {
            return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? (object)l : BigInteger.Parse(raw, CultureInfo.InvariantCulture);
    }

    private void Write(StringBuilder sb, object? value, int? indent, string itemSeparator, string keySeparator, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"Cannot serialize to JSON: nesting deeper than {MaxDepth} levels (a circular reference?).");
        }

        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case string s:
                WriteString(sb, s);
                return;
            case char c:
                WriteString(sb, c.ToString());
                return;
            case Markup m:
                WriteString(sb, m.Value);
                return;
            case int or long or short or sbyte or byte or ushort or uint or ulong or BigInteger or Int128 or UInt128:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case double d:
                sb.Append(PythonFloat.JsonRepr(d));
                return;
            case float f:
                sb.Append(PythonFloat.JsonRepr(f));
                return;
            case Half h:
                sb.Append(PythonFloat.JsonRepr((double)h));
                return;
            case decimal m:
                WriteString(sb, m.ToString(CultureInfo.InvariantCulture));
                return;
            case Guid g:
                WriteString(sb, g.ToString("D"));
                return;
            case DateTime dt:
                WriteString(sb, HttpDate(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt)));
                return;
            case DateTimeOffset dto:
                WriteString(sb, HttpDate(dto));
                return;
            case DateOnly date:
                WriteString(sb, HttpDate(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
                return;
            case Enum e:
                sb.Append(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                return;
            case JsonElement element:
                Write(sb, FromElement(element), indent, itemSeparator, keySeparator, depth);
                return;
            case JsonNode node:
                Write(sb, FromElement(JsonSerializer.SerializeToElement(node)), indent, itemSeparator, keySeparator, depth);
                return;
            case byte[]:
                throw new InvalidOperationException("Object of type byte[] is not JSON serializable.");
        }

        if (value is Dictionary<string, object?> map)
        {
            WriteStringKeyedObject(sb, map, indent, itemSeparator, keySeparator, depth);
            return;
        }

        if (PairsOf(value) is { } pairs)
        {
            WriteObject(sb, pairs, indent, itemSeparator, keySeparator, depth);
            return;
        }

        if (value is ITuple tuple)
        {
            var items = new object?[tuple.Length];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = tuple[i];
            }

            WriteArray(sb, items, indent, itemSeparator, keySeparator, depth);
            return;
        }

        if (value is IEnumerable enumerable)
        {
            WriteArray(sb, enumerable.Cast<object?>(), indent, itemSeparator, keySeparator, depth);
            return;
        }

        if (Default is not null)
        {
            Write(sb, Default(value), indent, itemSeparator, keySeparator, depth + 1);
            return;
        }

        var converted = JsonSerializer.SerializeToElement(value, value.GetType(), SerializerOptions);
        Write(sb, FromElement(converted), indent, itemSeparator, keySeparator, depth);
    }

    private void WriteArray(StringBuilder sb, IEnumerable<object?> items, int? indent, string itemSeparator, string keySeparator, int depth)
    {
        sb.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                sb.Append(itemSeparator);
            }

            NewLine(sb, indent, depth + 1);
            first = false;
            Write(sb, item, indent, itemSeparator, keySeparator, depth + 1);
        }

        if (!first)
        {
            NewLine(sb, indent, depth);
        }

        sb.Append(']');
    }

    // WriteObject for the commonest mapping, without boxing its entries: the same order (the same sort over the
    // same sequence, so even keys that compare equal land alike) and the same text.
    private void WriteStringKeyedObject(StringBuilder sb, Dictionary<string, object?> map, int? indent, string itemSeparator, string keySeparator, int depth)
    {
        var count = map.Count;
        var entries = ArrayPool<KeyValuePair<string, object?>>.Shared.Rent(Math.Max(count, 1));
        try
        {
            ((ICollection<KeyValuePair<string, object?>>)map).CopyTo(entries, 0);
            var span = entries.AsSpan(0, count);
            if (SortKeys)
            {
                span.Sort(static (a, b) => CompareCodePoints(a.Key, b.Key));
            }

            sb.Append('{');
            for (var i = 0; i < span.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(itemSeparator);
                }

                NewLine(sb, indent, depth + 1);
                WriteString(sb, span[i].Key);
                sb.Append(keySeparator);
                Write(sb, span[i].Value, indent, itemSeparator, keySeparator, depth + 1);
            }

            if (count > 0)
            {
                NewLine(sb, indent, depth);
            }

            sb.Append('}');
        }
        finally
        {
            ArrayPool<KeyValuePair<string, object?>>.Shared.Return(entries, clearArray: true);
        }
    }

    private void WriteObject(StringBuilder sb, IEnumerable<KeyValuePair<object?, object?>> pairs, int? indent, string itemSeparator, string keySeparator, int depth)
    {
        var entries = pairs.ToList();
        if (SortKeys)
        {
            if (entries.All(e => e.Key is int or long or short or byte or uint or ulong or double or float or decimal))
            {
                entries.Sort((a, b) => Convert.ToDouble(a.Key, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b.Key, CultureInfo.InvariantCulture)));
            }
            else if (entries.All(e => e.Key is string or char))
            {
                entries.Sort((a, b) => CompareCodePoints(Convert.ToString(a.Key, CultureInfo.InvariantCulture)!, Convert.ToString(b.Key, CultureInfo.InvariantCulture)!));
            }
            else
            {
                throw new InvalidOperationException("Cannot sort JSON object keys of different types ('<' not supported between them).");
            }
        }

        sb.Append('{');
        var first = true;
        foreach (var (key, item) in entries)
        {
            if (!first)
            {
                sb.Append(itemSeparator);
            }

            NewLine(sb, indent, depth + 1);
            first = false;
            WriteString(sb, KeyText(key));
            sb.Append(keySeparator);
            Write(sb, item, indent, itemSeparator, keySeparator, depth + 1);
        }

        if (!first)
        {
            NewLine(sb, indent, depth);
        }

        sb.Append('}');
    }

    private static string KeyText(object? key) => key switch
    {
        null => "null",
        string s => s,
        char c => c.ToString(),
        bool b => b ? "true" : "false",
        double d => PythonFloat.JsonRepr(d),
        float f => PythonFloat.JsonRepr(f),
        int or long or short or sbyte or byte or ushort or uint or ulong or BigInteger or decimal => Convert.ToString(key, CultureInfo.InvariantCulture)!,
        Guid g => g.ToString("D"),
        Enum e => e.ToString(),
        _ => throw new InvalidOperationException($"JSON keys must be str, int, float, bool or None, not {key.GetType().Name}."),
    };

    private static void NewLine(StringBuilder sb, int? indent, int depth)
    {
        if (indent is int n)
        {
            sb.Append('\n').Append(' ', n * depth);
        }
    }

    private static int CompareCodePoints(string a, string b)
    {
        var ea = a.EnumerateRunes();
        var eb = b.EnumerateRunes();
        while (true)
        {
            var ha = ea.MoveNext();
            var hb = eb.MoveNext();
            if (!ha || !hb)
            {
                return ha == hb ? 0 : ha ? 1 : -1;
            }

            var c = ea.Current.Value.CompareTo(eb.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }

    private void WriteString(StringBuilder sb, string s)
    {
        // Runs of characters that need no escape are copied whole; only the rest go through the switch.
        sb.Append('"');
        var rest = s.AsSpan();
        while (true)
        {
            var i = EnsureAscii ? rest.IndexOfAnyExcept(_asciiSafe) : rest.IndexOfAny(_mustEscape);
            if (i < 0)
            {
                sb.Append(rest);
                break;
            }

            sb.Append(rest[..i]);
            AppendEscaped(sb, rest[i]);
            rest = rest[(i + 1)..];
        }

        sb.Append('"');
    }

    private static void AppendEscaped(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '"':
                sb.Append("\\\"");
                break;
            case '\\':
                sb.Append("\\\\");
                break;
            case '\n':
                sb.Append("\\n");
                break;
            case '\r':
                sb.Append("\\r");
                break;
            case '\t':
                sb.Append("\\t");
                break;
            case '\b':
                sb.Append("\\b");
                break;
            case '\f':
                sb.Append("\\f");
                break;
            default:
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string HttpDate(DateTimeOffset value)
        => value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<object?, object?>>? PairsOf(object value)
    {
        if (value is IDictionary dictionary)
        {
            return Entries(dictionary);
        }

        var reader = _pairReaders.GetOrAdd(value.GetType(), CreatePairReader);
        return reader?.Invoke(value);
    }

    private static IEnumerable<KeyValuePair<object?, object?>> Entries(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new(entry.Key, entry.Value);
        }
    }

    private static Func<object, IEnumerable<KeyValuePair<object?, object?>>>? CreatePairReader(Type type)
    {
        var pairType = type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>));
        if (pairType is null)
        {
            return null;
        }

        var keyProperty = pairType.GetProperty("Key")!;
        var valueProperty = pairType.GetProperty("Value")!;
        return obj => ((IEnumerable)obj).Cast<object>().Select(p => new KeyValuePair<object?, object?>(keyProperty.GetValue(p), valueProperty.GetValue(p)));
    }
}
