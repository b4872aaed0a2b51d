using System.Text.Json;

namespace Flagon.Tests.Security;

/// <summary>Finds and loads the recorded reference outputs under tests/Flagon.Tests/*/Fixtures.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Flagon.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Flagon.slnx) above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string folder, string file) => Path.Combine(Root.Value, "tests", "Flagon.Tests", folder, "Fixtures", file);

    public static JsonElement Load(string folder, string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(folder, file)), new JsonDocumentOptions { MaxDepth = 1000 });
        return doc.RootElement.Clone();
    }

    /// <summary>Asserts that two JSON trees are equal, showing both on failure.</summary>
    public static void AssertJsonEqual(JsonElement expected, System.Text.Json.Nodes.JsonNode actual)
    {
        // Python writes lone surrogates as \udXXX escapes, which System.Text.Json refuses to read into strings.
        var expectedNode = ToNode(Flagon.Security.PyJsonReader.Parse(expected.GetRawText()));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expectedNode, actual),
            $"expected {Show(expectedNode)}\nactual   {Show(actual)}");
    }

    private static System.Text.Json.Nodes.JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        bool b => System.Text.Json.Nodes.JsonValue.Create(b),
        string s => System.Text.Json.Nodes.JsonValue.Create(s),
        long l => System.Text.Json.Nodes.JsonValue.Create(l),
        double d => System.Text.Json.Nodes.JsonValue.Create(d),
        List<object?> list => new System.Text.Json.Nodes.JsonArray(list.Select(ToNode).ToArray()),
        Dictionary<string, object?> dict => new System.Text.Json.Nodes.JsonObject(dict.Select(e => KeyValuePair.Create(e.Key, ToNode(e.Value)))),
        _ => throw new InvalidOperationException(value.GetType().Name),
    };

    private static string Show(System.Text.Json.Nodes.JsonNode? node)
    {
        try
        {
            return node?.ToJsonString(new JsonSerializerOptions { MaxDepth = 1000 }) ?? "null";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return "(unprintable: " + e.Message + ")";
        }
    }

    /// <summary>A fixed clock for deterministic timestamps.</summary>
    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public FixedClock(long unixSeconds) : this(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)) { }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
