namespace Flagon.Jinja.Benchmarks.Model;

/// <summary>The product page's model: <c>products</c>.</summary>
public sealed class ProductPage
{
    public List<Product> Products { get; set; } = [];
}
