using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Chat;

/// <summary>
/// Turns chat inputs into the values transformers passes (what <c>json.load</c> gives): dictionaries
/// become ordered <c>dict</c>s, lists and other sequences <c>list</c>s, JSON documents and nodes are read
/// as JSON, and other .NET objects (records, classes) become dicts of their members as System.Text.Json
/// names and selects them (snake_case names, null members left out by default).
/// </summary>
internal static class ChatValues
{
    /// <summary>The deepest nesting of input data accepted.</summary>
    public const int MaxDepth = 500;

    /// <summary>The serializer options for .NET objects that are neither dictionaries nor sequences.</summary>
    public static readonly JsonSerializerOptions DefaultSerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// The value as the template sees it. Data already in the engine's value model (what <c>PyJson.Loads</c>
    /// returns) is passed as it is: the immutable sandbox keeps templates from changing it.
    /// </summary>
    public static object? Convert(object? value, JsonSerializerOptions? options) =>
        IsPlain(value, 0) ? value : Convert(value, options ?? DefaultSerializerOptions, 0);

    private static bool IsPlain(object? value, int depth)
    {
        switch (value)
        {
            case null or string or bool or long or double or System.Numerics.BigInteger or Markup:
                return true;
            case PyDict d when depth < MaxDepth:
                foreach (var kv in d)
                {
                    if (!IsPlain(kv.Value, depth + 1))
                    {
                        return false;
                    }
                }
                return true;
            case List<object?> l when depth < MaxDepth:
                foreach (var item in l)
                {
                    if (!IsPlain(item, depth + 1))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

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
        var info = options.GetTypeInfo(value.GetType());
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return ObjectAdapter.FromJson(JsonSerializer.SerializeToElement(value, value.GetType(), options));
        }
        // An object: its members under their JSON names, values converted here (so 1.0 stays a float).
        bool skipNulls = options.DefaultIgnoreCondition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault;
        var result = new PyDict();
        foreach (var property in info.Properties)
        {
            if (property.Get is not { } get)
            {
                continue;
            }
            object? member = get(value);
            if ((member is null && skipNulls) || (property.ShouldSerialize is { } should && !should(value, member)))
            {
                continue;
            }
            result[property.Name] = Convert(member, options, depth + 1);
        }
        return result;
    }
}
