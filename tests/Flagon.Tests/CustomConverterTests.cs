using Flagon.Routing;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>A custom converter registered on the app's URL map works both ways: matching (to a .NET value) and UrlFor.</summary>
public class CustomConverterTests
{
    private sealed class ListConverter : BaseConverter
    {
        public ListConverter()
        {
            Regex = @"[a-z]+(?:\+[a-z]+)*";
        }

        public override object? ToPython(string value) => value.Split('+').ToList();

        public override string ToUrl(object? value) => string.Join("+", (IEnumerable<string>)value!);
    }

    [Fact]
    public async Task CustomConvertersConvertBothWays()
    {
        var app = TestApps.New();
        app.UrlMap.Converters["list"] = _ => new ListConverter();
        app.Get("/tags/<list:tags>", (List<string> tags) => $"{tags.Count}:{string.Join(",", tags)}|{UrlFor("tags", new { tags = new List<string> { "x", "y" } })}", endpoint: "tags");
        using var client = app.TestClient();
        Assert.Equal("3:a,b,c|/tags/x+y", (await client.GetAsync("/tags/a+b+c")).Text);
        Assert.Equal(404, (await client.GetAsync("/tags/A1")).StatusCode);
    }
}
