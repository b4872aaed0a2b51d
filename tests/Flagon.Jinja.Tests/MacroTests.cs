namespace Flagon.Jinja.Tests;

public class MacroTests
{
    [Theory]
    [InlineData("{% macro m(a, b=a ~ '!') %}{{ a }}{{ b }}{% endmacro %}{{ m('x') }}", "xx!")]
    [InlineData("{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m() }}", "[]")]
    [InlineData("{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, k=3) }}", "(1, 2){'k': 3}")]
    [InlineData("{% macro m(n) %}{% if n %}{{ n }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(3) }}", "321")]
    [InlineData("{% macro m() %}<{{ caller() }}>{% endmacro %}{% call m() %}body{% endcall %}", "<body>")]
    [InlineData("{% macro m() %}{{ caller(1, y=2) }}{% endmacro %}{% call(x, y) m() %}{{ x }}{{ y }}{% endcall %}", "12")]
    [InlineData("{% macro m(a, b) %}{% endmacro %}{{ m.name }}{{ m.arguments }}{{ m.catch_kwargs }}", "m('a', 'b')False")]
    [InlineData("{% set x = 1 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 2 %}{{ m() }}", "2")]
    [InlineData("{% macro s() %}[{{ item }}]{% endmacro %}{% for item in ['a'] %}{{ s() }}{% endfor %}", "[]")]
    public void BehavesLikeJinja(string template, string expected) => Assert.Equal(expected, TestUtil.Render(template));

    [Fact]
    public void TooManyArgumentsIsTypeError()
    {
        var e = Assert.Throws<PythonError>(() => TestUtil.Render("{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}"));
        Assert.Equal("TypeError", e.Kind);
        Assert.Equal("macro 'm' takes not more than 1 argument(s)", e.BareMessage);
    }

    [Fact]
    public void UnknownKeywordIsTypeError() =>
        Assert.Equal("macro 'm' takes no keyword argument 'z'",
            Assert.Throws<PythonError>(() => TestUtil.Render("{% macro m(a) %}{% endmacro %}{{ m(z=1) }}")).BareMessage);

    [Fact]
    public void MacroOutputIsMarkupUnderAutoescape() =>
        Assert.Equal("<b>&lt;</b>", TestUtil.Render("{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}{{ b('<') }}", null, e => e.Autoescape = true));

    [Fact]
    public void ImportedMacrosWork()
    {
        var env = TestUtil.Env(new()
        {
            ["forms"] = "{% macro input(name, value='') %}<input name=\"{{ name }}\" value=\"{{ value }}\">{% endmacro %}{% set _hidden = 1 %}{% set shown = 2 %}",
            ["page"] = "{% import 'forms' as f %}{{ f.input('q') }}{{ f.shown }}[{{ f._hidden }}]{% from 'forms' import input as i %}{{ i('r', 1) }}",
        });
        Assert.Equal("<input name=\"q\" value=\"\">2[]<input name=\"r\" value=\"1\">", env.GetTemplate("page").Render());
    }

    [Fact]
    public void ImportWithContextSeesTheCallersVariables()
    {
        var env = TestUtil.Env(new()
        {
            ["lib"] = "{% macro hi() %}hi {{ who }}{% endmacro %}",
            ["page"] = "{% import 'lib' as a %}{% import 'lib' as b with context %}[{{ a.hi() }}][{{ b.hi() }}]",
        });
        Assert.Equal("[hi ][hi bob]", env.GetTemplate("page").Render(new { who = "bob" }));
    }

    [Fact]
    public void MissingImportedNameIsUndefinedWithHint()
    {
        var env = TestUtil.Env(new() { ["lib"] = "", ["page"] = "{% from 'lib' import nope %}{{ nope() }}" });
        var e = Assert.Throws<UndefinedError>(() => env.GetTemplate("page").Render());
        Assert.Equal("the template 'lib' (imported on line 1) does not export the requested name 'nope'", e.BareMessage);
    }
}
