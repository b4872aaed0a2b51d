namespace Flagon.Jinja.Tests;

public class UndefinedTests
{
    [Theory]
    [InlineData(UndefinedKind.Default, "{{ x }}|{{ x|length }}|{{ not x }}|{% for i in x %}i{% endfor %}", "|0|True|")]
    [InlineData(UndefinedKind.Chainable, "{{ x.y.z }}|{{ x['a'].b }}", "|")]
    [InlineData(UndefinedKind.Debug, "{{ x }}|{{ d.k }}", "{{ x }}|{{ no such element: dict object['k'] }}")]
    [InlineData(UndefinedKind.Default, "[{{ none.attr }}]{{ missing == other }}", "[]True")]
    public void PrintsAsItsKind(UndefinedKind kind, string template, string expected) =>
        Assert.Equal(expected, TestUtil.Render(template, new Dictionary<string, object?> { ["d"] = new Dictionary<string, object?>() }, e => e.Undefined = kind));

    [Fact]
    public void AttributeOfUndefinedRaises()
    {
        var e = Assert.Throws<UndefinedError>(() => TestUtil.Render("{{ missing.attr }}"));
        Assert.Equal("'missing' is undefined", e.BareMessage);
        var e2 = Assert.Throws<UndefinedError>(() => TestUtil.Render("{{ d.a.b }}", new { d = new Dictionary<string, object?>() }));
        Assert.Equal("'dict object' has no attribute 'a'", e2.BareMessage);
    }

    [Fact]
    public void ArithmeticOnUndefinedRaises() => Assert.Throws<UndefinedError>(() => TestUtil.Render("{{ x + 1 }}"));
}
