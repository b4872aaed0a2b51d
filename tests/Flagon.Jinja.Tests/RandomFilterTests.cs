namespace Flagon.Jinja.Tests;

/// <summary>
/// The <c>random</c> filter: Python's <c>random.choice</c> cannot be matched byte for byte, so the
/// conformance fixtures check shape; these tests pin the .NET contract (injectable, seeded source).
/// </summary>
public sealed class RandomFilterTests
{
    private const string Draws = "{% for i in range(20) %}{{ items|random }},{% endfor %}";

    private static string RenderSeeded(int seed, string source, object? context = null) =>
        TestUtil.Render(source, context, env => env.Random = new Random(seed));

    [Fact]
    public void SameSeedGivesSameChoices()
    {
        var data = new { items = new[] { "a", "b", "c", "d", "e" } };
        Assert.Equal(RenderSeeded(7, Draws, data), RenderSeeded(7, Draws, data));
    }

    [Fact]
    public void ChoicesFollowTheInjectedRandom()
    {
        var items = new[] { "a", "b", "c", "d", "e" };
        var reference = new Random(11);
        string expected = string.Concat(Enumerable.Range(0, 20).Select(_ => items[reference.NextInt64(items.Length)] + ","));
        Assert.Equal(expected, RenderSeeded(11, Draws, new { items }));
    }

    [Fact]
    public void EveryChoiceIsAMemberAndAllAppear()
    {
        string output = RenderSeeded(3, "{% for i in range(200) %}{{ 'xyz'|random }}{% endfor %}");
        Assert.Equal(200, output.Length);
        Assert.All(output, c => Assert.Contains(c, "xyz"));
        Assert.Equal(3, output.Distinct().Count());
    }

    [Fact]
    public void EmptySequenceGivesUndefined()
    {
        Assert.Equal("[]", TestUtil.Render("[{{ []|random }}]"));
        var error = Assert.ThrowsAny<TemplateError>(() => TestUtil.Render("{{ []|random }}", null, env => env.Undefined = UndefinedKind.Strict));
        Assert.Equal("UndefinedError", error.Kind);
    }

    [Fact]
    public void MappingChoosesByIntegerKeyAsPython()
    {
        // random.choice(d) is d[randrange(len(d))]: a dict without integer keys raises KeyError.
        var error = Assert.ThrowsAny<TemplateError>(() => TestUtil.Render("{{ {'a': 1}|random }}"));
        Assert.Equal("KeyError", error.Kind);
        Assert.Equal("x", TestUtil.Render("{{ {0: 'x'}|random }}"));
    }
}
