namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>The page's title and summary.</summary>
public sealed class PageInfo
{
    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";
}
