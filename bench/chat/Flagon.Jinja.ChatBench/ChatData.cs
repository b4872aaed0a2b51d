using System.Text;
using Flagon.Jinja.Chat;
using Flagon.Jinja.Python;

namespace Flagon.Jinja.ChatBench;

/// <summary>The benchmark's inputs: bench/chat/templates, scenario.json and the expected outputs.</summary>
public static class ChatData
{
    public static readonly string[] Names = ["llama3-tools", "chatml-qwen", "mistral-tools"];

    public static readonly FixedClock Clock = new(new DateTime(2025, 7, 10, 12, 0, 0));

    public static string Root { get; } = FindRoot();

    public static string Source(string name) => File.ReadAllText(Path.Combine(Root, "templates", name + ".jinja"), new UTF8Encoding(false));

    public static string Expected(string name) => File.ReadAllText(Path.Combine(Root, "expected", name + ".txt"), new UTF8Encoding(false));

    public static object? Variables() => PyJson.Loads(File.ReadAllText(Path.Combine(Root, "scenario.json"), new UTF8Encoding(false)));

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "bench", "chat");
            if (File.Exists(Path.Combine(candidate, "scenario.json")))
            {
                return candidate;
            }
            dir = Path.GetDirectoryName(dir);
        }
        return Directory.GetCurrentDirectory();
    }
}
