using System.Text.Json;
using Flagon.Jinja.Benchmarks.Model;

namespace Flagon.Jinja.Benchmarks.Workloads;

/// <summary>The models of every workload, read once from bench/data/*.json.</summary>
public sealed class BenchData
{
    /// <summary>The fortune the TechEmpower test adds at request time.</summary>
    public static readonly Fortune AddedFortune = new() { Id = 0, Message = "Additional fortune added at request time." };

    private static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true };

    private BenchData(ProductPage products, FortunesPage fortunes, PageData page)
    {
        Products = products;
        Fortunes = fortunes;
        Page = page;
    }

    public ProductPage Products { get; }

    public FortunesPage Fortunes { get; }

    public PageData Page { get; }

    public static BenchData Load()
    {
        var products = Read<ProductPage>("products.json");
        var fortunes = Read<FortunesPage>("fortunes.json");
        // As the TechEmpower test does: the stored rows plus one added at request time, sorted by message.
        fortunes.Fortunes.Add(AddedFortune);
        fortunes.Fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        var page = Read<PageData>("page.json");
        return new BenchData(products, fortunes, page);
    }

    public object Model(Workload workload) => workload switch
    {
        Workload.Product => Products,
        Workload.Fortunes => Fortunes,
        Workload.Page => Page,
        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };

    private static T Read<T>(string name)
    {
        var text = File.ReadAllText(Path.Combine(BenchPaths.Data, name));
        return JsonSerializer.Deserialize<T>(text, _json)
            ?? throw new InvalidDataException($"{name} is empty");
    }
}
