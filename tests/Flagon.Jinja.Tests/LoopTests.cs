namespace Flagon.Jinja.Tests;

public class LoopTests
{
    [Theory]
    [InlineData("{% for x in 'ab' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}",
        "1021TrueFalse2;2110FalseTrue2;")]
    [InlineData("{% for x in [1, 2, 3] %}{{ loop.cycle('a', 'b') }}{% endfor %}", "aba")]
    [InlineData("{% for x in [1, 2] %}{{ loop.previtem }}-{{ loop.nextitem }};{% endfor %}", "-2;1-;")]
    [InlineData("{% for x in [1, 1, 2] %}{{ loop.changed(x) }}{% endfor %}", "TrueFalseTrue")]
    [InlineData("{% for i in range(5) if i is odd %}{{ loop.index }}/{{ loop.length }} {% endfor %}", "1/2 2/2 ")]
    [InlineData("{% for x in [] %}x{% else %}empty{% endfor %}", "empty")]
    [InlineData("{% for x in missing %}x{% else %}none{% endfor %}", "none")]
    [InlineData("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;")]
    [InlineData("{% for (a, b), c in [((1, 2), 3)] %}{{ a }}{{ b }}{{ c }}{% endfor %}", "123")]
    [InlineData("{% for a in [1, 2] %}{% for b in [3] %}{{ loop.depth }}{{ a }}{{ b }}{% endfor %}{% endfor %}", "113123")]
    [InlineData("{% for x in [1, 2] %}{% set outer = loop %}{% for y in [1] %}{{ outer.index }}{% endfor %}{% endfor %}", "12")]
    public void LoopObjectMatchesJinja(string template, string expected) => Assert.Equal(expected, TestUtil.Render(template));

    [Fact]
    public void RecursiveLoops()
    {
        var tree = new[]
        {
            new { name = "a", children = new object[] { new { name = "b", children = Array.Empty<object>() } } },
            new { name = "c", children = Array.Empty<object>() },
        };
        const string template = "{% for n in tree recursive %}<{{ n.name }}{{ loop.depth }}{% if n.children %}{{ loop(n.children) }}{% endif %}>{% endfor %}";
        Assert.Equal("<a1<b2>><c1>", TestUtil.Render(template, new { tree }));
    }

    [Fact]
    public void LoopControlsNeedTheExtension()
    {
        const string template = "{% for i in range(10) %}{% if i == 3 %}{% break %}{% endif %}{% if i is odd %}{% continue %}{% endif %}{{ i }}{% endfor %}";
        Assert.Equal("02", TestUtil.Render(template, null, e => e.Extensions = JinjaExtensions.LoopControls));
        Assert.Contains("Encountered unknown tag 'break'", Assert.Throws<TemplateSyntaxError>(() => TestUtil.Render(template)).BareMessage);
    }

    [Fact]
    public void UnpackingMismatchIsValueError() =>
        Assert.Equal("ValueError", Assert.Throws<PythonError>(() => TestUtil.Render("{% for a, b in [(1, 2, 3)] %}{% endfor %}")).Kind);
}
