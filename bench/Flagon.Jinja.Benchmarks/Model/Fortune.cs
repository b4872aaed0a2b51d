namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>One TechEmpower fortune.</summary>
public sealed class Fortune
{
    public int Id { get; set; }

    public string Message { get; set; } = "";
}
