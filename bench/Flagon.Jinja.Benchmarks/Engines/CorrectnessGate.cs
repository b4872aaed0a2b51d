using System.Text;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>Before anything is timed: every engine's output, to a string and into a writer, must be
/// byte-identical to bench/expected/*.html, which real Jinja2 rendered from the same templates and data.</summary>
public static class CorrectnessGate
{
    /// <summary>Checks the engines; returns one line per failure (empty when all match).</summary>
    public static List<string> Check(IEnumerable<ITemplateEngine> engines, TextWriter? log = null)
    {
        var failures = new List<string>();
        foreach (var engine in engines)
        {
            foreach (var workload in Enum.GetValues<Workload>())
            {
                var expected = File.ReadAllBytes(Path.Combine(BenchPaths.Expected, TemplateSources.JinjaName(workload)));
                var writer = new StringWriter();
                string toString;
                try
                {
                    toString = engine.Render(workload);
                    engine.Render(workload, writer);
                    // A reused writer must stay correct on a second render.
                    writer.GetStringBuilder().Clear();
                    engine.Render(workload, writer);
                    _ = engine.ParsePage();
                }
                catch (Exception e)
                {
                    failures.Add($"{engine.Name}/{workload}: {e.GetType().Name}: {e.Message}");
                    continue;
                }

                foreach (var (mode, text) in new[] { ("string", toString), ("writer", writer.ToString()) })
                {
                    var actual = Encoding.UTF8.GetBytes(text);
                    var line = Compare(expected, actual);
                    if (line is not null)
                    {
                        failures.Add($"{engine.Name}/{workload}/{mode}: {line}");
                    }
                    else
                    {
                        log?.WriteLine($"ok  {engine.Name}/{workload}/{mode}: {actual.Length} bytes");
                    }
                }
            }
        }

        return failures;
    }

    /// <summary>Runs <see cref="Check"/> and throws when anything differs, so no wrong engine is timed.</summary>
    public static void Enforce(IEnumerable<ITemplateEngine> engines)
    {
        var failures = Check(engines);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Correctness gate failed:\n" + string.Join("\n", failures));
        }
    }

    private static string? Compare(byte[] expected, byte[] actual)
    {
        var length = Math.Min(expected.Length, actual.Length);
        var at = 0;
        while (at < length && expected[at] == actual[at])
        {
            at++;
        }

        if (at == length && expected.Length == actual.Length)
        {
            return null;
        }

        var from = Math.Max(0, at - 40);
        string Around(byte[] bytes) => Encoding.UTF8.GetString(bytes, from, Math.Min(bytes.Length - from, 100))
            .Replace("\n", "\\n", StringComparison.Ordinal);
        return $"differs at byte {at} (expected {expected.Length} bytes, got {actual.Length})\n"
            + $"    expected: …{Around(expected)}\n"
            + $"    actual:   …{Around(actual)}";
    }
}
