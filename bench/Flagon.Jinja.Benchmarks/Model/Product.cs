namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>One row of the product page.</summary>
public sealed class Product
{
    public string Name { get; set; } = "";

    public double Price { get; set; }

    public string Description { get; set; } = "";

    public bool Featured { get; set; }
}
