using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests;

/// <summary>
/// A filter that is a delegate of one <c>object?</c> parameter (<c>upper</c>, <c>length</c>, user
/// filters) is called with the value directly; results and errors are those of any other call.
/// </summary>
public class UnaryFilterTests
{
    private static string Render(string source, object? context = null) => TestUtil.Render(source, context, e =>
    {
        e.Filters["twice"] = (object? v) => Ops.Str(v) + Ops.Str(v);
        e.Filters["count_of"] = (object? v) => (object)Ops.Str(v).Length; // a boxed int: normalised to a Python int
        e.Filters["boom"] = (Func<object?, object?>)(v => throw new InvalidOperationException("no " + Ops.Str(v)));
        e.Filters["py_boom"] = (Func<object?, object?>)(v => throw PythonError.ValueError("bad " + Ops.Str(v)));
    });

    [Fact]
    public void Unary_filters_get_the_value_and_their_result_is_normalised()
    {
        Assert.Equal("abab ABC 3 True", Render("{{ 'ab'|twice }} {{ 'abc'|upper }} {{ 'abc'|count_of }} {{ ('abc'|count_of) is integer }}"));
        Assert.Equal("&lt;&gt;&lt;&gt; <b>", Render("{% autoescape true %}{{ '<>'|twice }} {{ '<b>'|safe|lower }}{% endautoescape %}"));
    }

    [Fact]
    public void Errors_are_wrapped_as_for_any_call()
    {
        var dotnet = Assert.Throws<TemplateRuntimeError>(() => Render("\n{{ 'x'|boom }}"));
        Assert.Equal(("boom() failed: no x", 2), (dotnet.BareMessage, dotnet.LineNumber));
        Assert.IsType<InvalidOperationException>(dotnet.InnerException);
        var python = Assert.Throws<PythonError>(() => Render("{{ 'y'|py_boom }}"));
        Assert.Equal(("ValueError", "bad y"), (python.Kind, python.BareMessage));
    }
}
