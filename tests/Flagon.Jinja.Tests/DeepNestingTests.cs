namespace Flagon.Jinja.Tests;

public class DeepNestingTests
{
    [Fact]
    public void TenThousandParenthesesAreASyntaxError()
    {
        string source = "{{ " + new string('(', 10_000) + "1" + new string(')', 10_000) + " }}";
        var e = Assert.Throws<TemplateSyntaxError>(() => new JinjaEnvironment().FromString(source));
        Assert.Contains("nested too deeply", e.BareMessage);
    }

    [Fact]
    public void TenThousandNestedIfsAreASyntaxError()
    {
        string source = string.Concat(Enumerable.Repeat("{% if true %}", 10_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 10_000));
        Assert.Throws<TemplateSyntaxError>(() => new JinjaEnvironment().FromString(source));
    }

    [Fact]
    public void DeepListLiteralsAreASyntaxError()
    {
        string source = "{{ " + new string('[', 10_000) + new string(']', 10_000) + " }}";
        Assert.Throws<TemplateSyntaxError>(() => new JinjaEnvironment().FromString(source));
    }

    [Fact]
    public void ModerateNestingStillWorks()
    {
        string source = "{{ " + new string('(', 50) + "1" + new string(')', 50) + " }}";
        Assert.Equal("1", TestUtil.Render(source));
    }

    [Fact]
    public void InfiniteMacroRecursionIsARuntimeError()
    {
        var e = Assert.Throws<TemplateRuntimeError>(() => TestUtil.Render("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"));
        Assert.Contains("recursion", e.BareMessage);
    }

    [Fact]
    public void SelfIncludeIsARuntimeError()
    {
        var env = TestUtil.Env(new() { ["a"] = "{% include 'a' %}" });
        Assert.Throws<TemplateRuntimeError>(() => env.GetTemplate("a").Render());
    }

    [Fact]
    public void SelfExtendsIsARuntimeError()
    {
        var env = TestUtil.Env(new() { ["a"] = "{% extends 'a' %}" });
        var e = Assert.Throws<TemplateRuntimeError>(() => env.GetTemplate("a").Render());
        Assert.Contains("recursion", e.BareMessage);
    }

    [Fact]
    public void ExtendsCycleIsARuntimeError()
    {
        var env = TestUtil.Env(new()
        {
            ["a"] = "{% extends 'b' %}{% block x %}a{% endblock %}",
            ["b"] = "{% extends 'a' %}{% block x %}b{% endblock %}",
        });
        Assert.Throws<TemplateRuntimeError>(() => env.GetTemplate("a").Render());
    }

    [Fact]
    public void ThreeLevelsOfExtendsStillRender()
    {
        var env = TestUtil.Env(new()
        {
            ["base"] = "[{% block x %}base{% endblock %}]",
            ["mid"] = "{% extends 'base' %}{% block x %}mid {{ super() }}{% endblock %}",
            ["leaf"] = "{% extends 'mid' %}{% block x %}leaf {{ super() }}{% endblock %}",
        });
        Assert.Equal("[leaf mid base]", env.GetTemplate("leaf").Render());
    }

    [Fact]
    public void DeepRecursiveLoopIsARuntimeError()
    {
        // A self-referencing structure would recurse forever.
        var node = new Dictionary<string, object?>();
        node["children"] = new List<object?> { node };
        Assert.Throws<TemplateRuntimeError>(() => TestUtil.Render(
            "{% for n in [root] recursive %}x{{ loop(n.children) }}{% endfor %}",
            new Dictionary<string, object?> { ["root"] = node }));
    }
}
