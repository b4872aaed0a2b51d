using System.Text.Json;
using System.Text.Json.Nodes;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests;

public class DataBindingTests
{
    public sealed record User(string Name, DateOnly CreatedAt, int Age, List<string> Tags);

    public sealed class Poco
    {
        public string Title = "field";

        public int Count { get; set; } = 3;

        public Dictionary<string, object?> Extra { get; } = new() { ["k"] = "v" };
    }

    [Fact]
    public void RecordsAndSnakeCaseLookup()
    {
        var user = new User("Ann", new DateOnly(2020, 1, 2), 41, ["a", "b"]);
        Assert.Equal("Ann 2 42 ['a', 'b'] 2", TestUtil.Render(
            "{{ user.name }} {{ user.created_at.day }} {{ user.age + 1 }} {{ user.tags }} {{ user.tags|length }}",
            new { user }));
    }

    [Fact]
    public void LoopsAndUnpackingReadNetListsAsTemplateValues()
    {
        var data = new { numbers = new List<int> { 3, 1, 2 }, pairs = new[] { new short[] { 1, 2 }, new short[] { 3, 4 } }, words = new[] { "a", "b" } };
        Assert.Equal("3:int:1>1|1:int:2>2|2:int:3>end|4|3 7|a-b|2",
            TestUtil.Render("{% for n in numbers %}{{ n }}:{{ 'int' if n is integer }}:{{ loop.index }}>{{ loop.nextitem if not loop.last else 'end' }}{{ '|' if not loop.last }}{% endfor %}"
                + "|{{ numbers|sum - 2 }}|{% for a, b in pairs %}{{ a + b }}{{ ' ' if not loop.last }}{% endfor %}|{{ words|join('-') }}|{{ words|last|length + 1 }}", data));
    }

    [Fact]
    public void LoopsReadMultiDimensionalArraysAndASnapshotOfTheList()
    {
        var grid = new int[2, 3] { { 1, 2, 3 }, { 4, 5, 6 } };
        var names = new List<string> { "a", "b" };
        Assert.Equal("123456|a,b,|4", TestUtil.Render("{% for v in grid %}{{ v }}{% endfor %}|{% for n in names %}{{ n }},{{ grow() }}{% endfor %}|{{ names|length }}",
            new Dictionary<string, object?>
            {
                ["grid"] = grid,
                ["names"] = names,
                ["grow"] = new Func<string>(() => { names.Add("x"); return ""; }),
            }));
    }

    [Fact]
    public void LoopingOverALargeRangeAndBreaking() =>
        Assert.Equal("0,1,2,9999999", TestUtil.Render("{% for i in range(10000000) %}{% if loop.index > 3 %}{{ loop.length - 1 }}{% break %}{% endif %}{{ i }},{% endfor %}", new { }, e => e.Extensions = JinjaExtensions.LoopControls));

    [Fact]
    public void SnakeCaseFindsPascalCase() =>
        Assert.Equal("2020", TestUtil.Render("{{ user.created_at.year }}", new { user = new User("A", new DateOnly(2020, 5, 1), 1, []) }));

    [Fact]
    public void PocoFieldsPropertiesAndNestedDictionaries() =>
        Assert.Equal("field 3 v v", TestUtil.Render("{{ p.title }} {{ p.count }} {{ p.extra.k }} {{ p.extra['k'] }}", new { p = new Poco() }));

    [Fact]
    public void DictionaryContexts()
    {
        Assert.Equal("1", TestUtil.Render("{{ a }}", new Dictionary<string, object?> { ["a"] = 1 }));
        Assert.Equal("1", TestUtil.Render("{{ a }}", (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["a"] = 1 }));
        var d = new PyDict { ["a"] = 1L };
        Assert.Equal("1", TestUtil.Render("{{ a }}", d));
    }

    [Fact]
    public void NumbersAreNormalised() =>
        Assert.Equal("3 2.5 True int float", TestUtil.Render(
            "{{ i + s }} {{ f + 0.5 }} {{ b }} {{ 'int' if i is integer }} {{ 'float' if f is float }}",
            new { i = 1, s = (short)2, f = 2.0f, b = true }));

    [Fact]
    public void JsonElementKeepsOrderAndNumberKinds()
    {
        using var doc = JsonDocument.Parse("""{"b": 1, "a": 2.0, "big": 123456789012345678901234567890, "list": [1, "x", null, true]}""");
        Assert.Equal("{'b': 1, 'a': 2.0} 123456789012345678901234567891 [1, 'x', None, True]",
            TestUtil.Render("{{ {'b': b, 'a': a} }} {{ big + 1 }} {{ list }}", doc.RootElement));
    }

    [Fact]
    public void JsonNodeWorks() =>
        Assert.Equal("v", TestUtil.Render("{{ o.k }}", new { o = JsonNode.Parse("""{"k": "v"}""") }));

    [Fact]
    public void DictionaryMethodsAndItemsAreDistinguished() =>
        Assert.Equal("x True []", TestUtil.Render("{{ d['items'] }} {{ d.items is callable }} [{{ d.1 }}]",
            new { d = new PyDict { ["items"] = "x", ["1"] = "one" } }));

    [Fact]
    public void EnumerablesIterateAndIndex()
    {
        IEnumerable<int> numbers = Enumerable.Range(1, 3);
        Assert.Equal("1,2,3|6", TestUtil.Render("{{ xs|join(',') }}|{{ xs|sum }}", new { xs = numbers }));
        Assert.Equal("20", TestUtil.Render("{{ xs[1] }}", new { xs = new[] { 10, 20 } }));
    }

    [Fact]
    public void StringsCountCodePoints() => Assert.Equal("3 😀", TestUtil.Render("{{ s|length }} {{ s[0] }}", new { s = "😀ab" }));
}
