using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Python;

public class PercentFormatTests
{
    [Fact]
    public void Percent_formatting_matches_python()
    {
        var cases = PyFixtures.Load("percent.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            string fmt = c.GetProperty("format").GetString()!;
            bool markup = c.GetProperty("markup").GetBoolean();
            var args = PyFixtures.Decode(c.GetProperty("args"));
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = PyFixtures.Outcome(() => markup ? PercentFormat.Format(new Markup(fmt), args) : PyOps.Mod(fmt, args));
            if (actual != expected)
            {
                failures.Add($"{PyRepr.Repr(fmt)} % {PyRepr.Repr(args)}: expected {expected} got {actual}");
            }
        }
        Assert.True(total > 5000);
        PyFixtures.AssertNone(failures, total);
    }

    [Fact]
    public void Rounds_on_the_exact_binary_value()
    {
        Assert.Equal("2.67", PercentFormat.Format("%.2f", 2.675));
        Assert.Equal("0 2 2", PercentFormat.Format("%.0f %.0f %.0f", new PyTuple(0.5, 1.5, 2.5)));
        Assert.Equal("1e+16", PercentFormat.Format("%g", 1e16));
    }

    [Fact]
    public void Argument_count_errors()
    {
        Assert.Equal("not enough arguments for format string", Assert.Throws<PythonError>(() => PercentFormat.Format("%s %s", new PyTuple(1L))).Message);
        Assert.Equal("not all arguments converted during string formatting", Assert.Throws<PythonError>(() => PercentFormat.Format("%s", new PyTuple(1L, 2L))).Message);
        Assert.Equal("%d format: a real number is required, not str", Assert.Throws<PythonError>(() => PercentFormat.Format("%d", "x")).Message);
    }

    [Fact]
    public void Markup_format_escapes_arguments()
    {
        Assert.Equal(new Markup("<p>&lt;x&gt;</p>"), PercentFormat.Format(new Markup("<p>%s</p>"), "<x>"));
        Assert.Equal(new Markup("<b>"), PercentFormat.Format(new Markup("%s"), new Markup("<b>")));
    }
}
