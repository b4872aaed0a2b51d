namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>One blog post card on the page.</summary>
public sealed class Post
{
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string Author { get; set; } = "";

    public string Summary { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public int Comments { get; set; }
}
