namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>The site's name and copyright year.</summary>
public sealed class Site
{
    public string Name { get; set; } = "";

    public int Year { get; set; }
}
