using System.Text.Json;

namespace Flagon.Jinja.Tests.Conformance;

/// <summary>
/// Loads every fixture file once. The Fixtures folder is found by walking up from the test
/// binaries to the repository, so the project file needs no copy rule.
/// </summary>
public static class FixtureSet
{
    private const string FixturesPath = "tests/Flagon.Jinja.Tests/Fixtures";
    private const string ConformancePath = "tests/Flagon.Jinja.Tests/Conformance";

    private static readonly Lazy<string> s_root = new(FindRoot);
    private static readonly Lazy<IReadOnlyDictionary<string, FixtureCase>> s_cases = new(LoadAll);
    private static readonly Lazy<IReadOnlySet<string>> s_knownFailures = new(LoadKnownFailures);

    /// <summary>The repository root.</summary>
    public static string Root => s_root.Value;

    public static string FixturesDirectory => Path.Combine(Root, FixturesPath);

    /// <summary>Every case by name, in file and case order.</summary>
    public static IReadOnlyDictionary<string, FixtureCase> Cases => s_cases.Value;

    /// <summary>Names listed in Conformance/known-failures.txt (excluded from the default run).</summary>
    public static IReadOnlySet<string> KnownFailures => s_knownFailures.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, FixturesPath, "generate.py")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException(
            $"no {FixturesPath}/generate.py above {AppContext.BaseDirectory}: run the tests from the repository");
    }

    private static IReadOnlyDictionary<string, FixtureCase> LoadAll()
    {
        var cases = new Dictionary<string, FixtureCase>(StringComparer.Ordinal);
        foreach (string path in Directory.GetFiles(FixturesDirectory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            string file = Path.GetFileName(path);
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                var c = FixtureCase.Parse(element, file);
                if (!cases.TryAdd(c.Name, c))
                {
                    throw new InvalidDataException($"{file}: duplicate case name {c.Name}");
                }
            }
        }
        return cases;
    }

    private static IReadOnlySet<string> LoadKnownFailures()
    {
        string path = Path.Combine(Root, ConformancePath, "known-failures.txt");
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (string line in File.ReadLines(path))
            {
                string name = line.Split('#', 2)[0].Trim();
                if (name.Length > 0)
                {
                    names.Add(name);
                }
            }
        }
        return names;
    }
}
