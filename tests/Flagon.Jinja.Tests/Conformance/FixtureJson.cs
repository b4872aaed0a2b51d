using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Conformance;

/// <summary>
/// Turns fixture JSON into the engine's value model exactly as Python's <c>json.loads</c> does:
/// objects become <see cref="PyDict"/> in key order, arrays <see cref="List{T}"/>, a number
/// without fraction or exponent an int (<see cref="long"/>, or <see cref="BigInteger"/> when it
/// does not fit), any other number a <see cref="double"/>.
/// </summary>
public static class FixtureJson
{
    private const int MaxDepth = 256;

    public static PyDict ToContext(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? (PyDict)ToValue(element, 0)!
            : throw new InvalidDataException("a fixture context must be a JSON object");

    public static object? ToValue(JsonElement element, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("fixture JSON nested too deeply");
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var dict = new PyDict();
                foreach (var p in element.EnumerateObject())
                {
                    dict[p.Name] = ToValue(p.Value, depth + 1);
                }
                return dict;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToValue(item, depth + 1));
                }
                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return ToNumber(element.GetRawText());
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            default:
                throw new InvalidDataException($"unexpected JSON value {element.ValueKind}");
        }
    }

    public static object ToNumber(string raw)
    {
        if (raw.AsSpan().IndexOfAny(".eE") >= 0)
        {
            return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long small))
        {
            return small;
        }
        return BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }
}
