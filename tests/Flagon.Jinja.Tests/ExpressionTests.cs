namespace Flagon.Jinja.Tests;

public class ExpressionTests
{
    [Theory]
    [InlineData("{{ [1, 2][1] }}", "2")]
    [InlineData("{{ 'hello'[1] }}", "e")]
    [InlineData("{{ 'héllo'[-1] }}", "o")]
    [InlineData("{{ 2 ** 3 ** 2 }}", "64")]
    [InlineData("{{ -2 ** 2 }}", "4")]
    [InlineData("{{ 2 * 3|string }}", "33")]
    [InlineData("{{ 3 + 1 is even }}", "3")]
    [InlineData("{{ -7 // 2 }} {{ -7 % 3 }}", "-4 2")]
    [InlineData("{{ 7 / 2 }} {{ 8 / 2 }} {{ 1e3 }}", "3.5 4.0 1000.0")]
    [InlineData("{{ 2 ** 100 }}", "1267650600228229401496703205376")]
    [InlineData("{{ [1, 'a', none, true, \"it's\"] }}", "[1, 'a', None, True, \"it's\"]")]
    [InlineData("{{ 0 or 'x' }}|{{ 'a' and 'b' }}|{{ [] or none }}", "x|b|None")]
    [InlineData("{{ true == 1 }} {{ '1' == 1 }} {{ (1, 2) == [1, 2] }}", "True False False")]
    [InlineData("{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }}", "True False")]
    [InlineData("{{ 'a' in 'cat' }} {{ 2 not in [1, 2] }}", "True False")]
    [InlineData("{{ 'a' 'b' }}", "ab")]
    [InlineData("{{ 1_000 + 0x10 + 0o7 + 0b11 }}", "1026")]
    [InlineData("{{ x if false }}|{{ 1 if true else 2 }}", "|1")]
    [InlineData("{{ 'abc'[1:] }}{{ [1, 2, 3][::-1] }}{{ (1,) }}{{ () }}", "bc[3, 2, 1](1,)()")]
    [InlineData("{{ {'b': 1, 'a': 2} }}", "{'b': 1, 'a': 2}")]
    [InlineData("{{ 1e16 }} {{ 0.1 + 0.2 }} {{ 1e-5 }}", "1e+16 0.30000000000000004 1e-05")]
    [InlineData("{{ '😀ab'|length }} {{ 'straße'|upper }}", "3 STRASSE")]
    [InlineData("{{ 9223372036854775807 + 1 }}", "9223372036854775808")]
    public void EvaluatesLikePython(string template, string expected) => Assert.Equal(expected, TestUtil.Render(template));

    [Fact]
    public void ConcatBindsTighterThanPlus() =>
        Assert.Equal("TypeError", Assert.Throws<PythonError>(() => TestUtil.Render("{{ 'n=' ~ 1 + 2 }}")).Kind);

    [Fact]
    public void DivisionByZeroIsZeroDivisionError() =>
        Assert.Equal("ZeroDivisionError", Assert.Throws<PythonError>(() => TestUtil.Render("{{ 1 / 0 }}")).Kind);
}
