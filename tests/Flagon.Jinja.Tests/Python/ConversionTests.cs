using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Python;

public class ConversionTests
{
    private static object? Apply(string op, List<object?> a) => op switch
    {
        "int" => PyConvert.ToInt(a[0]),
        "int_base" => PyConvert.ToInt(a[0], a[1]),
        "float" => PyConvert.ToFloat(a[0]),
        "round" => a.Count == 1 ? PyConvert.Round(a[0]) : PyConvert.Round(a[0], a[1]),
        "len" => PySequence.Len(a[0]),
        "getitem" => PySequence.GetItem(a[0], a[1]),
        "slice" => PySequence.Slice(a[0], a[1], a[2], a[3]),
        "sorted" => PyMethods.Sort((List<object?>)a[0]!),
        "str" => Head(PyRepr.Str(a[0])),
        "percent_d" => Head(PercentFormat.Format("%d", a[0])),
        "format_comma" => Head(FormatSpec.Format(a[0], ",")),
        "format_x" => Head(FormatSpec.Format(a[0], "x")),
        "sorted_lower" => PyMethods.Sort((List<object?>)a[0]!, x => PyStr.Lower((string)x!)),
        "sorted_lower_rev" => PyMethods.Sort((List<object?>)a[0]!, x => PyStr.Lower((string)x!), reverse: true),
        _ => throw new InvalidOperationException(op),
    };

    private static string Head(string s) => s.Length > 20 ? s[..20] : s;

    [Fact]
    public void Conversions_and_sequences_match_python()
    {
        var cases = PyFixtures.Load("conversions.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            string op = c.GetProperty("op").GetString()!;
            var args = (List<object?>)PyFixtures.Decode(c.GetProperty("args"))!;
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = PyFixtures.Outcome(() => Apply(op, args));
            if (actual != expected)
            {
                failures.Add($"{op}({PyRepr.Repr(args)}): expected {expected} got {actual}");
            }
        }
        Assert.True(total > 500);
        PyFixtures.AssertNone(failures, total);
    }
}
