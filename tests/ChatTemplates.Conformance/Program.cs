using System.Text;
using Flagon.Jinja;
using Flagon.Jinja.Chat;
using Flagon.Jinja.Python;

namespace ChatTemplates.Conformance;

/// <summary>
/// The chat-template conformance runner: for every <c>NN-name/scenario-X.json</c> of the corpus folder,
/// renders <c>NN-name/template.jinja</c> with those variables and compares with <c>expected-X.txt</c>
/// (or <c>expected-X-error.txt</c>, <c>Kind: message</c>). Exit code 0 when all match, 1 on any
/// mismatch, 2 on bad arguments.
/// </summary>
public static class Program
{
    /// <summary>The clock the corpus was recorded with (naive local time).</summary>
    private static readonly FixedClock CorpusClock = new(new DateTime(2025, 7, 10, 12, 0, 0));

    public static int Main(string[] args)
    {
        if (args.Length is < 1 or > 2 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: ChatTemplates.Conformance CORPUS_FOLDER [NAME_FILTER]");
            return 2;
        }
        string? filter = args.Length > 1 ? args[1] : null;
        int total = 0;
        int passed = 0;
        var failures = new List<string>();
        var utf8 = new UTF8Encoding(false, true);
        foreach (var dir in Directory.GetDirectories(args[0]).Order(StringComparer.Ordinal))
        {
            string templatePath = Path.Combine(dir, "template.jinja");
            if (!File.Exists(templatePath) || (filter is not null && !Path.GetFileName(dir).Contains(filter, StringComparison.Ordinal)))
            {
                continue;
            }
            string source = File.ReadAllText(templatePath, utf8);
            foreach (var scenarioPath in Directory.GetFiles(dir, "scenario-*.json").Order(StringComparer.Ordinal))
            {
                total++;
                string scenario = Path.GetFileNameWithoutExtension(scenarioPath)["scenario-".Length..];
                string label = $"{Path.GetFileName(dir)}/{scenario}";
                string expectedPath = Path.Combine(dir, $"expected-{scenario}.txt");
                string errorPath = Path.Combine(dir, $"expected-{scenario}-error.txt");
                string expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath, utf8)
                    : File.Exists(errorPath) ? "!" + File.ReadAllText(errorPath, utf8)
                    : "!(no expected file)";
                string actual;
                try
                {
                    var variables = PyJson.Loads(File.ReadAllText(scenarioPath, utf8));
                    actual = ChatTemplate.FromString(source).RenderVariables(variables, CorpusClock);
                }
                catch (TemplateError e)
                {
                    actual = $"!{e.Kind}: {e.BareMessage}";
                }
                catch (Exception e)
                {
                    actual = $"!(crash) {e.GetType().Name}: {e.Message}";
                }
                if (actual == expected)
                {
                    passed++;
                }
                else
                {
                    failures.Add(label);
                    Console.WriteLine($"MISMATCH {label}");
                    Console.WriteLine(Excerpt(expected, actual));
                }
            }
        }
        Console.WriteLine($"chat templates: {passed}/{total} scenarios match");
        return total > 0 && passed == total ? 0 : 1;
    }

    /// <summary>A few lines around the first difference: the expected text (-) and ours (+).</summary>
    private static string Excerpt(string expected, string actual)
    {
        int at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }
        int lineStart = expected.LastIndexOf('\n', Math.Max(0, Math.Min(at, expected.Length) - 1)) + 1;
        int from = Math.Max(0, lineStart - 120);
        static string Show(string s, int from, int at) =>
            s.Substring(Math.Min(from, s.Length), Math.Min(s.Length - Math.Min(from, s.Length), at - from + 160))
                .Replace("\n", "\\n\n      ", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.AppendLine($"  first difference at char {at} (expected {expected.Length} chars, got {actual.Length})");
        sb.AppendLine("  - " + Show(expected, from, at));
        sb.Append("  + " + Show(actual, from, at));
        return sb.ToString();
    }
}
