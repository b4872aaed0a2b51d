using System.Text.Json;
using System.Text.RegularExpressions;
using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests;

/// <summary>
/// docs/jinja/library.md lists exactly the registered filters, tests, globals and Python methods.
/// To regenerate it: <c>FLAGON_LIBRARY_NAMES=/tmp/names.json dotnet test --filter LibraryDocs</c>, then
/// <c>/usr/bin/python3 docs/jinja/gen_library.py /tmp/names.json</c>.
/// </summary>
public partial class LibraryDocsTests
{
    private static Dictionary<string, string[]> RegisteredNames()
    {
        var env = new JinjaEnvironment();
        return new Dictionary<string, string[]>
        {
            ["filters"] = [.. env.Filters.Names.Order(StringComparer.Ordinal)],
            ["tests"] = [.. env.Tests.Names.Order(StringComparer.Ordinal)],
            ["globals"] = [.. env.Globals.Keys.Order(StringComparer.Ordinal)],
            ["str"] = [.. PyMethods.MethodNames("str").Order(StringComparer.Ordinal)],
            ["Markup"] = [.. PyMethods.MethodNames("Markup").Order(StringComparer.Ordinal)],
            ["list"] = [.. PyMethods.MethodNames("list").Order(StringComparer.Ordinal)],
            ["tuple"] = [.. PyMethods.MethodNames("tuple").Order(StringComparer.Ordinal)],
            ["dict"] = [.. PyMethods.MethodNames("dict").Order(StringComparer.Ordinal)],
            ["datetime"] = [.. PyMethods.MethodNames("datetime").Order(StringComparer.Ordinal)],
        };
    }

    [Fact]
    public void LibraryDocListsExactlyTheRegisteredNames()
    {
        var registered = RegisteredNames();
        if (Environment.GetEnvironmentVariable("FLAGON_LIBRARY_NAMES") is { Length: > 0 } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(registered, new JsonSerializerOptions { WriteIndented = true }));
        }
        string doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "jinja", "library.md"));
        foreach (var (section, names) in registered)
        {
            var match = Regex.Match(doc, $@"<!-- names:{section} -->(.*?)<!-- /names -->", RegexOptions.Singleline);
            Assert.True(match.Success, $"library.md has no '{section}' section");
            var documented = NameRow().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray();
            Assert.True(names.SequenceEqual(documented),
                $"library.md '{section}' is out of date: missing [{string.Join(", ", names.Except(documented))}], " +
                $"extra [{string.Join(", ", documented.Except(names))}] (see the summary of {nameof(LibraryDocsTests)} to regenerate)");
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "architecture.md")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"^\| `([^`]+)`", RegexOptions.Multiline)]
    private static partial Regex NameRow();
}
