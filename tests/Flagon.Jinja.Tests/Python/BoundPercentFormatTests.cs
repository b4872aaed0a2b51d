using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Python;

/// <summary>
/// A constant format string in <c>"..."|format(...)</c> or <c>"..." % x</c> is parsed once at compile
/// time; these check that path against Python's results (the same fixtures as the dynamic path) and
/// against the dynamic path itself (the format passed in a variable).
/// </summary>
public class BoundPercentFormatTests
{
    private static readonly JinjaEnvironment Env = new();

    private static bool Embeddable(string fmt) =>
        fmt.IndexOfAny(['"', '\\', '{', '}', '\n', '\r', '#']) < 0 && !fmt.Contains("%}", StringComparison.Ordinal);

    private static string Outcome(string source, object? args, string? fmt = null)
    {
        var context = new Dictionary<string, object?> { ["a"] = args, ["fmt"] = fmt };
        try
        {
            return "str:" + PyRepr.Repr(Env.FromString(source).Render(context));
        }
        catch (PythonError e)
        {
            return "!" + e.Kind + ":" + e.BareMessage;
        }
    }

    [Fact]
    public void Constant_format_operator_matches_python()
    {
        var failures = new List<string>();
        int total = 0;
        foreach (var c in PyFixtures.Load("percent.json").EnumerateArray())
        {
            string fmt = c.GetProperty("format").GetString()!;
            if (c.GetProperty("markup").GetBoolean() || !Embeddable(fmt))
            {
                continue;
            }
            total++;
            var args = PyFixtures.Decode(c.GetProperty("args"));
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = Outcome("{{ \"" + fmt + "\" % a }}", args);
            if (actual != expected)
            {
                failures.Add($"{PyRepr.Repr(fmt)} % {PyRepr.Repr(args)}: expected {expected} got {actual}");
            }
        }
        Assert.True(total > 3000, $"only {total} cases");
        PyFixtures.AssertNone(failures, total);
    }

    [Fact]
    public void Constant_format_filter_matches_python()
    {
        var failures = new List<string>();
        int total = 0;
        foreach (var c in PyFixtures.Load("percent.json").EnumerateArray())
        {
            string fmt = c.GetProperty("format").GetString()!;
            var args = PyFixtures.Decode(c.GetProperty("args"));
            if (c.GetProperty("markup").GetBoolean() || !Embeddable(fmt)
                || args is not (PyTuple or string or long or double or bool or null))
            {
                continue;
            }
            total++;
            // fmt % (x, y) is fmt|format(x, y); a scalar x is fmt|format(x).
            string call = args is PyTuple t
                ? string.Join(", ", Enumerable.Range(0, t.Count).Select(i => $"a[{i}]"))
                : "a";
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = Outcome("{{ \"" + fmt + "\"|format(" + call + ") }}", args);
            if (actual != expected)
            {
                failures.Add($"{PyRepr.Repr(fmt)}|format({PyRepr.Repr(args)}): expected {expected} got {actual}");
            }
        }
        Assert.True(total > 3000, $"only {total} cases");
        PyFixtures.AssertNone(failures, total);
    }

    [Theory]
    [InlineData("%.2f", 2.675)]
    [InlineData("%.2f", 0.125)]
    [InlineData("%.0f", 0.5)]
    [InlineData("%.0f", 1.5)]
    [InlineData("%.0f", 2.5)]
    [InlineData("%.1f", -0.25)]
    [InlineData("%.2f", -0.0)]
    [InlineData("%08.3f|", -3.14159)]
    [InlineData("%-8.1f|", 2.25)]
    [InlineData("%+.2f", 19.999)]
    [InlineData("% .3f", 1e15)]
    [InlineData("%.2f", double.NaN)]
    [InlineData("%#.0f", 3.0)]
    public void Constant_and_dynamic_formats_agree_on_floats(string fmt, double value)
    {
        string bound = Outcome("{{ \"" + fmt + "\"|format(a) }}|{{ \"" + fmt + "\" % a }}", value);
        string dynamic = Outcome("{{ fmt|format(a) }}|{{ fmt % a }}", value, fmt);
        Assert.Equal(dynamic, bound);
        Assert.Equal("str:" + PyRepr.Repr(PercentFormat.Format(fmt, value) + "|" + PercentFormat.Format(fmt, value)), bound);
    }

    [Fact]
    public void Ties_round_half_to_even_on_the_exact_value()
    {
        Assert.Equal("0 2 2 4 2.67 0.12 0.38", TestUtil.Render(
            "{{ '%.0f'|format(0.5) }} {{ '%.0f'|format(1.5) }} {{ '%.0f' % 2.5 }} {{ '%.0f' % 3.5 }} {{ '%.2f'|format(2.675) }} {{ '%.2f' % 0.125 }} {{ '%.2f' % 0.375 }}"));
    }

    [Fact]
    public void Conversions_s_r_d_x()
    {
        Assert.Equal("x 'x' -42 ff FF 0x1f 0o17 007", TestUtil.Render(
            "{{ '%s'|format('x') }} {{ '%r' % 'x' }} {{ '%d'|format(-42) }} {{ '%x' % 255 }} {{ '%X'|format(255) }} {{ '%#x' % 31 }} {{ '%#o' % 15 }} {{ '%.3d' % 7 }}"));
        Assert.Equal("-9223372036854775808 9223372036854775807", TestUtil.Render(
            "{{ '%d'|format(n) }} {{ '%i' % m }}", new Dictionary<string, object?> { ["n"] = long.MinValue, ["m"] = long.MaxValue }));
    }

    [Fact]
    public void Mapping_arguments()
    {
        Assert.Equal("1-two", TestUtil.Render("{{ '%(a)s-%(b)s' % {'a': 1, 'b': 'two'} }}"));
        Assert.Equal("[[1, 2]]", TestUtil.Render("{{ '%s' % [[1, 2]] }}"));
        // A dict through the filter is one positional argument (Jinja2 passes a tuple), not a mapping.
        Assert.Equal("format requires a mapping", Assert.Throws<PythonError>(() => TestUtil.Render("{{ '%(a)s'|format({'a': 1}) }}")).BareMessage);
        Assert.Equal("'b'", Assert.Throws<PythonError>(() => TestUtil.Render("{{ '%(b)s' % {'a': 1} }}")).BareMessage);
    }

    [Fact]
    public void Argument_count_errors_name_the_template_and_line()
    {
        var env = new JinjaEnvironment
        {
            Loader = new Loaders.DictLoader(new Dictionary<string, string>
            {
                ["few.html"] = "a\n{{ '%s %s'|format(1) }}",
                ["many.html"] = "a\nb\n{{ '%s' % (1, 2) }}",
                ["none.html"] = "{{ '%s'|format }}",
                ["bad.html"] = "\n{{ '%s %y'|format(1, 2) }}",
            })
        };
        var few = Assert.Throws<PythonError>(() => env.GetTemplate("few.html").Render());
        Assert.Equal(("not enough arguments for format string", 2, "few.html"), (few.BareMessage, few.LineNumber, few.TemplateName));
        var many = Assert.Throws<PythonError>(() => env.GetTemplate("many.html").Render());
        Assert.Equal(("not all arguments converted during string formatting", 3, "many.html"), (many.BareMessage, many.LineNumber, many.TemplateName));
        Assert.Equal("not enough arguments for format string", Assert.Throws<PythonError>(() => env.GetTemplate("none.html").Render()).BareMessage);
        var bad = Assert.Throws<PythonError>(() => env.GetTemplate("bad.html").Render());
        Assert.Equal(("unsupported format character 'y' (0x79) at index 4", 2), (bad.BareMessage, bad.LineNumber));
    }

    [Fact]
    public void Errors_come_in_python_order()
    {
        // The argument before a malformed specifier is consumed first: too few arguments wins.
        Assert.Equal("not enough arguments for format string", Assert.Throws<PythonError>(() => TestUtil.Render("{{ '%s %y' % () }}")).BareMessage);
        Assert.Equal("incomplete format", Assert.Throws<PythonError>(() => TestUtil.Render("{{ '%s %' % 1 }}")).BareMessage);
        Assert.Equal("format requires a mapping", Assert.Throws<PythonError>(() => TestUtil.Render("{{ '%(a' % 1 }}")).BareMessage);
        Assert.Equal("incomplete format key", Assert.Throws<PythonError>(() => TestUtil.Render("{{ '%(a' % {'a': 1} }}")).BareMessage);
        Assert.Equal("width too big", Assert.Throws<PythonError>(() => TestUtil.Render("{{ '%99999999999d' % 1 }}")).BareMessage);
        Assert.Equal("* wants int", Assert.Throws<PythonError>(() => TestUtil.Render("{{ '%*d' % ('x', 1) }}")).BareMessage);
        Assert.Equal("   ab", TestUtil.Render("{{ '%*.*s' % (5, 2, 'abc') }}"));
    }

    [Fact]
    public void Written_straight_to_output_escaped_under_autoescape()
    {
        var vars = new Dictionary<string, object?> { ["x"] = "<a & 'b'>", ["m"] = new Markup("<i>") };
        Assert.Equal("[&lt;a &amp; &#39;b&#39;&gt;] [&lt;i&gt;] 1.50&amp;", TestUtil.Render(
            "[{{ '%s'|format(x) }}] [{{ '%s'|format(m) }}] {{ '%.2f&'|format(1.5) }}", vars, e => e.Autoescape = true));
        Assert.Equal("[<a & 'b'>] [<i>] 1.50&", TestUtil.Render(
            "[{{ '%s'|format(x) }}] [{{ '%s'|format(m) }}] {{ '%.2f&'|format(1.5) }}", vars));
        // Inside a larger expression the filter's value is a plain string as before.
        Assert.Equal("&lt;A&gt;|1", TestUtil.Render("{{ '%s'|format(x)|upper|truncate(3, true, '', 0) }}|{{ '%d'|format(2)|length }}",
            new Dictionary<string, object?> { ["x"] = "<a>" }, e => e.Autoescape = true));
        var env = new JinjaEnvironment { Loader = new Loaders.DictLoader(new Dictionary<string, string> { ["t.html"] = "{{ 1 }}\n{{ '%d'|format(x) }}" }) };
        var error = Assert.Throws<PythonError>(() => env.GetTemplate("t.html").Render(new { x = "s" }));
        Assert.Equal(("%d format: a real number is required, not str", 2, "t.html"), (error.BareMessage, error.LineNumber, error.TemplateName));
    }

    [Fact]
    public void Undefined_and_dotnet_arguments()
    {
        Assert.Equal("", TestUtil.Render("{{ '%s' % missing }}"));
        Assert.Equal("7 2.50", TestUtil.Render("{{ '%d' % n }} {{ '%.2f'|format(x) }}", new Dictionary<string, object?> { ["n"] = 7, ["x"] = 2.5f }));
        Assert.Throws<UndefinedError>(() => TestUtil.Render("{{ '%s' % missing }}", configure: e => e.Undefined = UndefinedKind.Strict));
    }
}
