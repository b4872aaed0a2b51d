namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>One navigation link.</summary>
public sealed class NavItem
{
    public string Href { get; set; } = "";

    public string Caption { get; set; } = "";
}
