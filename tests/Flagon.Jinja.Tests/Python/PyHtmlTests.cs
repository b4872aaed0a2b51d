using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Python;

public class PyHtmlTests
{
    [Fact]
    public void Unescape_and_striptags_match_python()
    {
        var cases = PyFixtures.Load("html.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            string op = c.GetProperty("op").GetString()!;
            string text = c.GetProperty("text").GetString()!;
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = PyFixtures.Outcome(() => op switch
            {
                "unescape" => PyHtml.Unescape(text),
                _ => PyMethods.TryCall(new Markup(text), op == "striptags" ? "striptags" : "unescape", [], null, out var r) ? r : null,
            });
            if (actual != expected)
            {
                failures.Add($"{op}({PyRepr.Repr(text)}): expected {expected} got {actual}");
            }
        }
        Assert.True(total >= 54);
        PyFixtures.AssertNone(failures, total);
    }
}
