using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Python;

public class PyPrettyPrintTests
{
    [Fact]
    public void Pformat_matches_python()
    {
        var cases = PyFixtures.Load("pprint.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            var value = PyFixtures.Decode(c.GetProperty("value"));
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = PyFixtures.Outcome(() => PyPrettyPrint.PFormat(value));
            if (actual != expected)
            {
                failures.Add($"pformat({PyRepr.Repr(value)}):\nexpected {expected}\ngot      {actual}");
            }
        }
        Assert.True(total > 150);
        PyFixtures.AssertNone(failures, total);
    }
}
