using Flagon.Jinja.Lexing;
using Flagon.Jinja.Parsing;
using Flagon.Jinja.Parsing.Nodes;

namespace Flagon.Jinja.Tests;

public class ParsingTests
{
    private static TemplateNode Parse(string source) =>
        Parser.Parse(Lexer.Tokenize(source, LexerSettings.Default), "t", JinjaExtensions.None);

    [Fact]
    public void FiltersBindTighterThanOperators()
    {
        var output = (OutputStmt)Parse("{{ 2 * 3|string }}").Body[0];
        var mul = Assert.IsType<BinaryExpr>(output.Parts[0]);
        Assert.Equal("*", mul.Op);
        Assert.IsType<FilterExpr>(mul.Right);
    }

    [Fact]
    public void PowerIsLeftAssociative()
    {
        var output = (OutputStmt)Parse("{{ 2 ** 3 ** 2 }}").Body[0];
        var outer = Assert.IsType<BinaryExpr>(output.Parts[0]);
        Assert.IsType<BinaryExpr>(outer.Left);
        Assert.IsType<ConstExpr>(outer.Right);
    }

    [Fact]
    public void TrailingCommaInTargetDoesNotEndAtExtraEndRules()
    {
        // As Jinja2 3.1: after a trailing comma, `in` and `recursive` are parsed as names.
        var error = Assert.Throws<TemplateSyntaxError>(() => TestUtil.Render("{% for a, in [[1], [2]] %}{{ a }}{% endfor %}"));
        Assert.Equal("expected token 'in', got '['", error.BareMessage);
        Assert.Equal("[1, 2]", TestUtil.Render("{% for x in [1, 2], recursive %}{{ x }}{% endfor %}"));
        Assert.Equal("12", TestUtil.Render("{% for a, b in [[1, 2]] %}{{ a }}{{ b }}{% endfor %}"));
    }

    [Fact]
    public void ParsesForWithFilterAndElse()
    {
        var loop = Assert.IsType<ForStmt>(Parse("{% for a, b in x if a recursive %}{{ a }}{% else %}no{% endfor %}").Body[0]);
        Assert.IsType<TupleExpr>(loop.Target);
        Assert.NotNull(loop.Test);
        Assert.True(loop.Recursive);
        Assert.Single(loop.Otherwise);
    }

    [Fact]
    public void ParsesMacroSignature()
    {
        var macro = Assert.IsType<MacroStmt>(Parse("{% macro m(a, b=1) %}{% endmacro %}").Body[0]);
        Assert.Equal(["a", "b"], macro.Args);
        Assert.Single(macro.Defaults);
    }

    [Fact]
    public void ParsesCallArguments()
    {
        var output = (OutputStmt)Parse("{{ f(1, x=2, *a, **k) }}").Body[0];
        var call = Assert.IsType<CallExpr>(output.Parts[0]);
        Assert.Single(call.Args.Args);
        Assert.Single(call.Args.Kwargs);
        Assert.NotNull(call.Args.DynArgs);
        Assert.NotNull(call.Args.DynKwargs);
    }

    [Theory]
    [InlineData("{% for x in y %}", "Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.")]
    [InlineData("{% if x %}{% endfor %}", "Encountered unknown tag 'endfor'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.")]
    [InlineData("{% foo %}", "Encountered unknown tag 'foo'.")]
    [InlineData("{{ 1 + }}", "unexpected 'end of print statement'")]
    [InlineData("{% set 1 = 2 %}", "can't assign to 'const'")]
    [InlineData("{% break %}", "Encountered unknown tag 'break'.")]
    [InlineData("{{ x is defined is defined }}", "You cannot chain multiple tests with is")]
    [InlineData("{% if x y %}{% endif %}", "expected token 'end of statement block', got 'y'")]
    public void ReportsJinjaSyntaxErrors(string template, string message)
    {
        var e = Assert.Throws<TemplateSyntaxError>(() => Parse(template));
        Assert.Equal(message, e.BareMessage);
    }

    [Fact]
    public void ImportingPrivateNameIsAssertionError() =>
        Assert.IsType<TemplateAssertionError>(Assert.ThrowsAny<TemplateSyntaxError>(() => Parse("{% from 'x' import _p %}")));
}
