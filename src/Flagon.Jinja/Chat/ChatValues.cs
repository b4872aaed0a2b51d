using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Chat;

/// <summary>
/// Turns chat inputs into the values transformers passes (what <c>json.load</c> gives): dictionaries
/// become ordered <c>dict</c>s, lists and other sequences <c>list</c>s, JSON documents and nodes are read
/// as JSON, and other .NET objects (records, classes) are serialized with System.Text.Json first
/// (snake_case names, null members left out) so templates see plain dicts.
/// </summary>
internal static class ChatValues
{
    /// <summary>The deepest nesting of input data accepted.</summary>
    public const int MaxDepth = 500;

    /// <summary>The serializer options for .NET objects that are neither dictionaries nor sequences.</summary>
    public static readonly JsonSerializerOptions DefaultSerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static object? Convert(object? value, JsonSerializerOptions? options) => Convert(value, options ?? DefaultSerializerOptions, 0);

    private static object? Convert(object? value, JsonSerializerOptions options, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TemplateError($"chat input nested deeper than {MaxDepth} levels");
        }
        switch (value)
        {
            case null or string or bool or long or double or Markup or Undefined or IJinjaCallable or Delegate:
                return value;
            case JsonElement e:
                return ObjectAdapter.FromJson(e);
            case JsonNode n:
                return ObjectAdapter.FromJson(JsonSerializer.SerializeToElement(n));
            case JsonDocument doc:
                return ObjectAdapter.FromJson(doc.RootElement);
            case PyTuple t:
                return PyTuple.From(t.Select(x => Convert(x, options, depth + 1)));
        }
        var normalized = ObjectAdapter.Normalize(value);
        if (!ReferenceEquals(normalized, value) || normalized is null || PyNumber.IsInt(normalized) || PyNumber.IsFloat(normalized))
        {
            return normalized;
        }
        if (PyMapping.TryWrap(value, out var map))
        {
            var d = new PyDict(map.Count);
            foreach (var kv in map.Pairs)
            {
                d[PyNoneKey.ToStored(ObjectAdapter.Normalize(kv.Key))] = Convert(kv.Value, options, depth + 1);
            }
            return d;
        }
        if (value is IEnumerable items && !PyDateTime.IsDateTime(value))
        {
            var list = new List<object?>();
            foreach (var item in items)
            {
                list.Add(Convert(item, options, depth + 1));
            }
            return list;
        }
        if (PyDateTime.IsDateTime(value) || value is Enum)
        {
            return value;
        }
        return ObjectAdapter.FromJson(JsonSerializer.SerializeToElement(value, value.GetType(), options));
    }
}
