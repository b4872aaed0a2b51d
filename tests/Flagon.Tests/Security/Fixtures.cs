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
        var expectedNode = System.Text.Json.Nodes.JsonNode.Parse(expected.GetRawText(), documentOptions: new JsonDocumentOptions { MaxDepth = 1000 });
        var options = new JsonSerializerOptions { MaxDepth = 1000 };
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expectedNode, actual),
            $"expected {expectedNode?.ToJsonString(options)}\nactual   {actual.ToJsonString(options)}");
    }

    /// <summary>A fixed clock for deterministic timestamps.</summary>
    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public FixedClock(long unixSeconds) : this(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)) { }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
