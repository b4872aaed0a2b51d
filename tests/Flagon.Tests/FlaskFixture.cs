using System.Text.Json;

namespace Flagon.Tests;

/// <summary>The answers of real Flask 2.2, recorded by Fixtures/generate_flask.py.</summary>
internal static class FlaskFixture
{
    private static readonly Lazy<JsonElement> _root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "flask.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    });

    public static JsonElement Root => _root.Value;

    public static JsonElement Get(string name) => Root.GetProperty(name);
}
