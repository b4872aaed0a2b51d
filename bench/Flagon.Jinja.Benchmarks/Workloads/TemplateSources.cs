namespace Flagon.Jinja.Benchmarks.Workloads;

/// <summary>Reads template sources from bench/templates/.</summary>
public static class TemplateSources
{
    /// <summary>The source of a template; one trailing newline is dropped, as Jinja2 does by default
    /// (keep_trailing_newline=False), so editors that add one cannot break the byte comparison.</summary>
    public static string Read(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(BenchPaths.Templates, relativePath));
        if (text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            return text[..^2];
        }

        return text.EndsWith('\n') ? text[..^1] : text;
    }

    /// <summary>The Jinja template file of a workload.</summary>
    public static string JinjaName(Workload workload) => workload switch
    {
        Workload.Product => "product.html",
        Workload.Fortunes => "fortunes.html",
        Workload.Page => "page.html",
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };

    /// <summary>The file name stem shared by the peer templates (liquid/x.liquid, scriban/x.scriban).</summary>
    public static string Stem(Workload workload) => workload switch
    {
        Workload.Product => "product",
        Workload.Fortunes => "fortunes",
        Workload.Page => "page",
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };
}
