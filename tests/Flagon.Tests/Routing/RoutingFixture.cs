using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Flagon.Routing;

namespace Flagon.Tests.Routing;

/// <summary>
/// Loads Fixtures/routing.json (recorded from Werkzeug 2.2.2 by Fixtures/generate.py, with the documented
/// 3.x drifts) and rebuilds its maps with the same custom converters.
/// </summary>
internal static class RoutingFixture
{
    private static readonly Lazy<JsonDocument> _document = new(Load);
    private static readonly Dictionary<string, UrlMap> _maps = [];

    public static JsonDocument Document => _document.Value;

    public static string FixturePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Flagon.Tests", "Routing", "Fixtures", "routing.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
            dir = dir.Parent;
        }
        throw new FileNotFoundException("routing.json not found above " + AppContext.BaseDirectory);
    }

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(FixturePath()));

    public static JsonElement MapSpec(string name)
        => Document.RootElement.GetProperty("maps").EnumerateArray().First(m => m.GetProperty("name").GetString() == name);

    public static IEnumerable<(string Map, string Kind, int Index)> Cases()
    {
        foreach (var map in Document.RootElement.GetProperty("maps").EnumerateArray())
        {
            var name = map.GetProperty("name").GetString()!;
            foreach (var kind in new[] { "requests", "builds", "allowed" })
            {
                var count = map.GetProperty(kind).GetArrayLength();
                for (var i = 0; i < count; i++)
                {
                    yield return (name, kind, i);
                }
            }
        }
    }

    public static UrlMap GetMap(string name)
    {
        lock (_maps)
        {
            if (!_maps.TryGetValue(name, out var map))
            {
                map = BuildMap(MapSpec(name));
                _maps[name] = map;
            }
            return map;
        }
    }

    public static MapAdapter Bind(string name, string? subdomain)
    {
        var bind = MapSpec(name).GetProperty("bind");
        return GetMap(name).Bind(
            Str(bind, "server_name") ?? "localhost",
            Str(bind, "script_name") ?? "/",
            subdomain,
            Str(bind, "url_scheme") ?? "http");
    }

    private static string? Str(JsonElement obj, string property)
        => obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement obj, string property)
        => obj.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static UrlMap BuildMap(JsonElement spec)
    {
        var map = new UrlMap();
        var options = spec.GetProperty("options");
        map.StrictSlashes = Bool(options, "strict_slashes") ?? true;
        map.MergeSlashes = Bool(options, "merge_slashes") ?? true;
        map.RedirectDefaults = Bool(options, "redirect_defaults") ?? true;
        if (options.TryGetProperty("converters", out var converters))
        {
            foreach (var name in converters.EnumerateArray().Select(c => c.GetString()!))
            {
                map.Converters[name] = CustomConverters.Factory(name);
            }
        }
        foreach (var r in spec.GetProperty("rules").EnumerateArray())
        {
            IEnumerable<string>? methods = r.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Select(x => x.GetString()!).ToList()
                : null;
            Dictionary<string, object?>? defaults = null;
            if (r.TryGetProperty("defaults", out var d) && d.ValueKind == JsonValueKind.Object)
            {
                defaults = d.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value));
            }
            map.Add(new Rule(
                r.GetProperty("rule").GetString()!,
                r.GetProperty("endpoint").GetString(),
                methods,
                defaults,
                strictSlashes: Bool(r, "strict_slashes"),
                mergeSlashes: Bool(r, "merge_slashes"),
                subdomain: Str(r, "subdomain"),
                buildOnly: Bool(r, "build_only") ?? false,
                redirectTo: Str(r, "redirect_to"),
                alias: Bool(r, "alias") ?? false));
        }
        return map;
    }

    /// <summary>A plain JSON value (rule defaults): numbers without a dot are longs.</summary>
    public static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Array => value.EnumerateArray().Select(Plain).ToList(),
        _ => throw new InvalidOperationException(value.ToString()),
    };

    /// <summary>A typed fixture value {"t": ..., "v": ...} as the .NET value Flagon uses.</summary>
    public static object? Typed(JsonElement value)
    {
        var t = value.GetProperty("t").GetString();
        var v = value.TryGetProperty("v", out var raw) ? raw : default;
        return t switch
        {
            "none" => null,
            "bool" => v.GetBoolean(),
            "int" => long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? (object)l
                : (object)BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture),
            "float" => double.Parse(v.GetString()!, CultureInfo.InvariantCulture),
            "str" => v.GetString(),
            "uuid" => Guid.Parse(v.GetString()!),
            "list" => v.EnumerateArray().Select(Typed).ToList(),
            _ => throw new InvalidOperationException("unknown type " + t),
        };
    }

    /// <summary>Describes a value with its type, for exact comparisons in assertions.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "None",
        bool b => "bool:" + b,
        long l => "int:" + l.ToString(CultureInfo.InvariantCulture),
        BigInteger bi => "int:" + bi.ToString(CultureInfo.InvariantCulture),
        double d => "float:" + d.ToString("R", CultureInfo.InvariantCulture),
        string s => "str:" + s,
        Guid g => "uuid:" + g.ToString("D"),
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Describe)) + "]",
        _ => value.GetType().Name + ":" + value,
    };
}
