namespace Flagon.Jinja.Tests;

public class ErrorTests
{
    [Fact]
    public void SyntaxErrorCarriesNameAndLine()
    {
        var env = TestUtil.Env(new() { ["page.html"] = "line1\n{{ ok }}\n{% if %}\n" });
        var e = Assert.Throws<TemplateSyntaxError>(() => env.GetTemplate("page.html"));
        Assert.Equal("page.html", e.TemplateName);
        Assert.Equal(3, e.LineNumber);
        Assert.Equal("TemplateSyntaxError", e.Kind);
        Assert.Contains("(template page.html, line 3)", e.Message);
    }

    [Fact]
    public void UndefinedErrorCarriesNameAndLine()
    {
        var env = TestUtil.Env(new() { ["p"] = "a\nb\n{{ user.name.first }}" });
        var e = Assert.Throws<UndefinedError>(() => env.GetTemplate("p").Render());
        Assert.Equal("'user' is undefined", e.BareMessage);
        Assert.Equal(3, e.LineNumber);
        Assert.Equal("p", e.TemplateName);
    }

    [Fact]
    public void ErrorInsideIncludeNamesTheIncludedTemplate()
    {
        var env = TestUtil.Env(new() { ["inner"] = "\n\n{{ 1 // 0 }}", ["outer"] = "x\n{% include 'inner' %}" });
        var e = Assert.Throws<PythonError>(() => env.GetTemplate("outer").Render());
        Assert.Equal("ZeroDivisionError", e.Kind);
        Assert.Equal("inner", e.TemplateName);
        Assert.Equal(3, e.LineNumber);
    }

    [Fact]
    public void UnknownFilterIsCompileTimeAssertion()
    {
        var e = Assert.Throws<TemplateAssertionError>(() => TestUtil.Render("\n{{ x|nosuch }}"));
        Assert.Equal("No filter named 'nosuch'.", e.BareMessage);
        Assert.Equal(2, e.LineNumber);
        Assert.Throws<TemplateAssertionError>(() => TestUtil.Render("{% for i in [1] %}{{ i|nosuch }}{% endfor %}"));
    }

    [Fact]
    public void UnknownFilterInIfBranchFailsOnlyWhenRun()
    {
        Assert.Equal("ok", TestUtil.Render("{% if false %}{{ x|nosuch }}{% endif %}ok"));
        Assert.Equal("No filter named 'nosuch' found.",
            Assert.Throws<TemplateRuntimeError>(() => TestUtil.Render("{% if true %}{{ x|nosuch }}{% endif %}")).BareMessage);
    }

    [Fact]
    public void UnknownTestIsAssertion() =>
        Assert.Equal("No test named 'nosuch'.", Assert.Throws<TemplateAssertionError>(() => TestUtil.Render("{{ x is nosuch }}")).BareMessage);

    [Fact]
    public void TypeErrorsKeepPythonsMessage()
    {
        var e = Assert.Throws<PythonError>(() => TestUtil.Render("{{ 1 < 'a' }}"));
        Assert.Equal("'<' not supported between instances of 'int' and 'str'", e.BareMessage);
    }

    [Fact]
    public void TemplateNotFoundNamesTheTemplate()
    {
        var env = TestUtil.Env(new());
        Assert.Equal("missing.html", Assert.Throws<TemplateNotFound>(() => env.GetTemplate("missing.html")).Name);
        var e = Assert.Throws<TemplatesNotFound>(() => env.SelectTemplate(["a", "b"]));
        Assert.Equal(["a", "b"], e.Templates);
    }

    [Fact]
    public void StrictUndefinedRaisesOnPrintButNotOnDefined()
    {
        Assert.Throws<UndefinedError>(() => TestUtil.Render("{{ x }}", null, e => e.Undefined = UndefinedKind.Strict));
        Assert.Equal("False|d", TestUtil.Render("{{ x is defined }}|{{ x|default('d') }}", null, e => e.Undefined = UndefinedKind.Strict));
    }
}
