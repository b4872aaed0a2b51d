using System.Text.Json;

namespace Flagon.Tests.Blueprints;

/// <summary>The answers of real Flask 2.2 for blueprints, recorded by Fixtures/generate_blueprints.py.</summary>
internal static class BlueprintFixture
{
    private static readonly Lazy<JsonElement> _root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "blueprints.json"))).RootElement);

    public static JsonElement Get(string name) => _root.Value.GetProperty(name);

    public static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
