namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>The fortunes page's model: <c>fortunes</c> (13 rows, sorted by message).</summary>
public sealed class FortunesPage
{
    public List<Fortune> Fortunes { get; set; } = [];
}
