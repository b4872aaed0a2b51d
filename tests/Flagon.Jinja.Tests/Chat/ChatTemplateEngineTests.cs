namespace Flagon.Jinja.Tests.Chat;

/// <summary>Engine behaviours chat templates rely on, found while rendering chat templates (expected values from Jinja2 3.1.2).</summary>
public sealed class ChatTemplateEngineTests
{
    [Fact]
    public void LoopHasALength() =>
        Assert.Equal("333", TestUtil.Render("{% for x in 'abc' %}{{ loop|length }}{% endfor %}"));

    [Fact]
    public void SelectRejectAndMapOfAFalsyValueGiveNothing() =>
        Assert.Equal("[]|[]|[]|[]", TestUtil.Render(
            "{{ none|selectattr('a')|list }}|{{ undefined_var|reject|list }}|{{ none|map('upper')|list }}|{{ ''|select|list }}"));

    [Fact]
    public void SelectOfAFalsyValueDoesNotLookUpTheTest() =>
        Assert.Equal("[]", TestUtil.Render("{{ none|select('nosuchtest')|list }}"));

    [Fact]
    public void SelectWithAnUnknownTestFailsOnATruthyValue() =>
        Assert.Throws<TemplateRuntimeError>(() => TestUtil.Render("{{ [1]|select('nosuchtest')|list }}"));

    [Fact]
    public void GenerationTagNeedsItsExtension() =>
        Assert.Throws<TemplateSyntaxError>(() => TestUtil.Render("{% generation %}x{% endgeneration %}"));

    [Fact]
    public void GenerationTagRendersItsBodyInItsOwnScope() =>
        Assert.Equal("[a1]0", TestUtil.Render(
            "{% set n = 0 %}[{% generation %}{% set n = 1 %}{{ x }}{{ n }}{% endgeneration %}]{{ n }}",
            new { x = "a" }, env => env.Extensions = JinjaExtensions.Generation));
}
