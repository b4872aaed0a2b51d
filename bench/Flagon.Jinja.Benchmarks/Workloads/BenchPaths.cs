namespace Flagon.Jinja.Benchmarks.Workloads;

/// <summary>Finds the bench/ folder (templates, data, expected outputs) from wherever the benchmark runs.</summary>
/// <remarks>
/// BenchmarkDotNet runs each benchmark in a generated project under bin/, so the folder is found by
/// walking up from the executable (or taken from FLAGON_BENCH_DIR).
/// </remarks>
public static class BenchPaths
{
    private static readonly Lazy<string> _root = new(Find);

    public static string Root => _root.Value;

    public static string Templates => Path.Combine(Root, "templates");

    public static string Data => Path.Combine(Root, "data");

    public static string Expected => Path.Combine(Root, "expected");

    private static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("FLAGON_BENCH_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "templates", "product.html"))
                    && Directory.Exists(Path.Combine(dir.FullName, "data")))
                {
                    return dir.FullName;
                }

                var nested = Path.Combine(dir.FullName, "bench");
                if (File.Exists(Path.Combine(nested, "templates", "product.html")))
                {
                    return nested;
                }
            }
        }

        throw new InvalidOperationException(
            "Cannot find the bench/ folder (templates/product.html); set FLAGON_BENCH_DIR to it.");
    }
}
