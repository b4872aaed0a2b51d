namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>The realistic page's model (page.html extending base.html).</summary>
public sealed class PageData
{
    public Site Site { get; set; } = new();

    public List<NavItem> Navigation { get; set; } = [];

    public string Active { get; set; } = "";

    public PageInfo Page { get; set; } = new();

    public List<Post> Posts { get; set; } = [];

    public List<string> Tags { get; set; } = [];
}
