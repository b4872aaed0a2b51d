using System.Text.Json;

namespace Flagon.Jinja.Tests.Chat;

/// <summary>Loads Chat/Fixtures/chat_cases.json (recorded by generate_chat.py with Jinja2) and the templates beside it.</summary>
internal static class ChatFixtures
{
    public static readonly string Folder = FindFolder();

    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "chat_cases.json")));
        return doc.RootElement.Clone();
    });

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(LoadCases);

    public static string Template(string name) => File.ReadAllText(Path.Combine(Folder, "templates", name));

    public static string Expected(string template, string scenario) => Case(template, scenario).GetProperty("expected").GetString()!;

    public static JsonElement Case(string template, string scenario) => Cases.Value[template + "/" + scenario];

    public static IEnumerable<object[]> Strftime() => Root.Value.GetProperty("strftime").EnumerateArray()
        .Select(e => new object[] { e.GetProperty("time").GetString()!, e.GetProperty("format").GetString()!, e.GetProperty("expected").GetString()! });

    public static IEnumerable<object[]> All() => Cases.Value.Keys.Select(k => k.Split('/')).Select(p => new object[] { p[0], p[1] });

    private static Dictionary<string, JsonElement> LoadCases()
    {
        return Root.Value.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("template").GetString() + "/" + c.GetProperty("scenario").GetString());
    }

    private static string FindFolder()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "Flagon.Jinja.Tests", "Chat", "Fixtures");
            if (File.Exists(Path.Combine(candidate, "chat_cases.json")))
            {
                return candidate;
            }
            dir = Path.GetDirectoryName(dir);
        }
        throw new FileNotFoundException("Chat/Fixtures/chat_cases.json not found");
    }
}
