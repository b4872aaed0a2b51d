namespace Flagon.Jinja.Tests;

public class ScopingTests
{
    [Theory]
    [InlineData("{% set total = 0 %}{% for i in [1, 2, 3] %}{% set total = total + i %}{% endfor %}{{ total }}", "0")]
    [InlineData("{% set ns = namespace(total=0) %}{% for i in [1, 2, 3] %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}", "6")]
    [InlineData("{% if true %}{% set z = 2 %}{% endif %}{{ z }}", "2")]
    [InlineData("{% for i in [1] %}{% set inner = 5 %}{% endfor %}[{{ inner }}]", "[]")]
    [InlineData("{% set x = 1 %}{% for i in [1] %}{{ x }}{% set x = 2 %}{{ x }}{% endfor %}{{ x }}", "121")]
    [InlineData("{% with a = 1 %}{% set b = 2 %}{{ a }}{{ b }}{% endwith %}[{{ a }}{{ b }}]", "12[]")]
    [InlineData("{% set a, b = 1, 2 %}{{ b }}{{ a }}", "21")]
    [InlineData("{% set x = [1] %}{% set y = x %}{% do y.append(2) %}{{ x }}", "[1, 2]")]
    [InlineData("{% set x %}a{{ 1 + 1 }}{% endset %}{{ x }}", "a2")]
    [InlineData("{% set x | upper %}abc{% endset %}{{ x }}", "ABC")]
    public void FollowsJinjaScopes(string template, string expected) =>
        Assert.Equal(expected, TestUtil.Render(template, null, e => e.Extensions = JinjaExtensions.Do));

    [Fact]
    public void WithEvaluatesRightHandSidesInTheOuterScope() =>
        Assert.Equal("1,11", TestUtil.Render("{% with a = 1, b = a + 1 %}{{ a }},{{ b }}{% endwith %}", new { a = 10 }));

    [Fact]
    public void IncludeSeesLocalsButNotLoop()
    {
        var env = TestUtil.Env(new()
        {
            ["i"] = "{{ item }} {{ loop is defined }}",
            ["page"] = "{% for item in ['a'] %}{% include 'i' %}{% endfor %}",
        });
        Assert.Equal("a False", env.GetTemplate("page").Render());
    }

    [Fact]
    public void IncludeWithoutContextSeesOnlyGlobals()
    {
        var env = TestUtil.Env(new() { ["i"] = "[{{ x }}{{ g }}]", ["page"] = "{% include 'i' without context %}" });
        env.Globals["g"] = "G";
        Assert.Equal("[G]", env.GetTemplate("page").Render(new { x = 1 }));
    }

    [Fact]
    public void NamespaceAssignmentNeedsANamespace() =>
        Assert.Equal("cannot assign attribute on non-namespace object",
            Assert.Throws<TemplateRuntimeError>(() => TestUtil.Render("{% set d = {} %}{% set d.x = 1 %}")).BareMessage);
}
