namespace Flagon.Jinja.Tests;

public class InheritanceTests
{
    private static string Render(Dictionary<string, string> templates, string name = "child", object? context = null) =>
        TestUtil.Env(templates).GetTemplate(name).Render(context);

    [Fact]
    public void ChildBlocksReplaceParentBlocks() => Assert.Equal("<h1>Child</h1>", Render(new()
    {
        ["base"] = "<h1>{% block title %}Base{% endblock %}</h1>",
        ["child"] = "{% extends 'base' %}{% block title %}Child{% endblock %}",
    }));

    [Fact]
    public void ChildTopLevelSetsReachTheParentAndTextIsDropped() => Assert.Equal("[kid]A:kid", Render(new()
    {
        ["b"] = "[{{ who }}]{% block a %}{% endblock %}",
        ["child"] = "{% extends 'b' %}{% set who = 'kid' %}ignored{% block a %}A:{{ who }}{% endblock %}",
    }));

    [Fact]
    public void SuperChainsThroughThreeLevels() => Assert.Equal("CMB", Render(new()
    {
        ["b"] = "{% block a %}B{% endblock %}",
        ["m"] = "{% extends 'b' %}{% block a %}M{{ super() }}{% endblock %}",
        ["child"] = "{% extends 'm' %}{% block a %}C{{ super() }}{% endblock %}",
    }));

    [Fact]
    public void SelfRendersABlockAgain() => Assert.Equal("T|T", Render(new()
    {
        ["child"] = "{% block t %}T{% endblock %}|{{ self.t() }}",
    }));

    [Fact]
    public void ScopedBlocksSeeLoopVariables()
    {
        Assert.Equal("12", Render(new() { ["child"] = "{% for i in [1, 2] %}{% block b scoped %}{{ i }}{% endblock %}{% endfor %}" }));
        Assert.Equal("", Render(new() { ["child"] = "{% for i in [1, 2] %}{% block b %}{{ i }}{% endblock %}{% endfor %}" }));
    }

    [Fact]
    public void RequiredBlockMustBeOverridden()
    {
        var templates = new Dictionary<string, string>
        {
            ["base"] = "{% block body required %}{% endblock %}",
            ["child"] = "{% extends 'base' %}{% block body %}ok{% endblock %}",
        };
        Assert.Equal("ok", Render(templates));
        var e = Assert.Throws<TemplateRuntimeError>(() => Render(templates, "base"));
        Assert.Equal("Required block 'body' not found.", e.BareMessage);
    }

    [Fact]
    public void DuplicateBlockIsAssertionError() =>
        Assert.Throws<TemplateAssertionError>(() => Render(new() { ["child"] = "{% block a %}{% endblock %}{% block a %}{% endblock %}" }));

    [Fact]
    public void ExtendsWithAnExpression() => Assert.Equal("B", Render(new()
    {
        ["b"] = "{% block a %}B{% endblock %}",
        ["child"] = "{% extends layout %}",
    }, context: new { layout = "b" }));

    [Fact]
    public void ExtendingTwiceIsRuntimeError() =>
        Assert.Throws<TemplateRuntimeError>(() => Render(new() { ["b"] = "", ["child"] = "{% extends 'b' %}{% extends 'b' %}" }));

    [Fact]
    public void MissingParentIsTemplateNotFound()
    {
        var e = Assert.Throws<TemplateNotFound>(() => Render(new() { ["child"] = "\n{% extends 'nope' %}" }));
        Assert.Equal("nope", e.Name);
        Assert.Equal(2, e.LineNumber);
        Assert.Equal("child", e.TemplateName);
    }
}
