using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Python;

public class UnicodeStringTests
{
    [Fact]
    public void Random_unicode_strings_match_python()
    {
        var cases = PyFixtures.Load("unicode_strings.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            string text = c.GetProperty("text").GetString()!;
            foreach (var r in c.GetProperty("results").EnumerateObject())
            {
                total++;
                string name = r.Name;
                string expected = PyFixtures.Expected(r.Value);
                string actual = PyFixtures.Outcome(() => name switch
                {
                    "repr" => PyRepr.Repr(text),
                    "len" => PySequence.Len(text),
                    _ => PyMethods.TryCall(text, name, [], null, out var v) ? v : throw new InvalidOperationException(name),
                });
                if (actual != expected)
                {
                    failures.Add($"{PyRepr.Ascii(text)}.{name}(): expected {expected} got {actual}");
                }
            }
        }
        Assert.True(total > 10000);
        PyFixtures.AssertNone(failures, total);
    }
}
