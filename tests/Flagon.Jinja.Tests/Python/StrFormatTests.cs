using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Python;

public class StrFormatTests
{
    [Fact]
    public void Format_spec_matches_python()
    {
        var cases = PyFixtures.Load("format_spec.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            var value = PyFixtures.Decode(c.GetProperty("value"));
            string spec = c.GetProperty("spec").GetString()!;
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = PyFixtures.Outcome(() => FormatSpec.Format(value, spec));
            if (actual != expected)
            {
                failures.Add($"format({PyRepr.Repr(value)}, {PyRepr.Repr(spec)}): expected {expected} got {actual}");
            }
        }
        Assert.True(total > 10000);
        PyFixtures.AssertNone(failures, total);
    }

    [Fact]
    public void Str_format_matches_python()
    {
        var cases = PyFixtures.Load("str_format.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            string fmt = c.GetProperty("format").GetString()!;
            bool markup = c.GetProperty("markup").GetBoolean();
            var args = (List<object?>)PyFixtures.Decode(c.GetProperty("args"))!;
            var kwargs = ((PyDict)PyFixtures.Decode(c.GetProperty("kwargs"))!).ToDictionary(kv => (string)kv.Key, kv => kv.Value);
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = PyFixtures.Outcome(() => markup
                ? StrFormat.FormatMarkup(new Markup(fmt), args, kwargs)
                : StrFormat.Format(fmt, args, kwargs));
            if (actual != expected)
            {
                failures.Add($"{PyRepr.Repr(fmt)}.format({PyRepr.Repr(args)}, {PyRepr.Repr(kwargs)}): expected {expected} got {actual}");
            }
        }
        PyFixtures.AssertNone(failures, total);
    }

    [Fact]
    public void Attribute_lookup_goes_through_the_callers_delegate()
    {
        var seen = new List<string>();
        string r = StrFormat.Format("{0.name}!", [new object()], null, (target, name) =>
        {
            seen.Add(name);
            return "Ann";
        });
        Assert.Equal("Ann!", r);
        Assert.Equal(["name"], seen);
    }

    [Fact]
    public void Common_specs()
    {
        Assert.Equal("3.14", StrFormat.Format("{:.2f}", [3.14159], null));
        Assert.Equal("1,234,567", FormatSpec.Format(1234567L, ","));
        Assert.Equal("0,001,234", FormatSpec.Format(1234L, "08,"));
        Assert.Equal("Unknown format code 'd' for object of type 'str'", Assert.Throws<PythonError>(() => FormatSpec.Format("a", "d")).Message);
    }
}
