namespace Flagon.Jinja.Benchmarks.Workloads;

/// <summary>The rendered workloads; each has an expected output in bench/expected/.</summary>
public enum Workload
{
    /// <summary>500 products, 100 KB of HTML.</summary>
    Product,

    /// <summary>The TechEmpower fortunes table, 13 rows.</summary>
    Fortunes,

    /// <summary>The realistic page (inheritance, a macro); timed only as parse+compile.</summary>
    Page,
}
