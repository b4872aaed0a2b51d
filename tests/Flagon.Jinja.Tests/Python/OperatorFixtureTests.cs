using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Python;

public class OperatorFixtureTests
{
    private static object? Apply(string op, object?[] a) => op switch
    {
        "add" => PyOps.Add(a[0], a[1]),
        "sub" => PyOps.Sub(a[0], a[1]),
        "mul" => PyOps.Mul(a[0], a[1]),
        "truediv" => PyOps.TrueDiv(a[0], a[1]),
        "floordiv" => PyOps.FloorDiv(a[0], a[1]),
        "mod" => PyOps.Mod(a[0], a[1]),
        "pow" => PyOps.Pow(a[0], a[1]),
        "eq" => PyOps.Equal(a[0], a[1]),
        "ne" => PyOps.NotEqual(a[0], a[1]),
        "lt" => PyOps.Less(a[0], a[1]),
        "le" => PyOps.LessEqual(a[0], a[1]),
        "gt" => PyOps.Greater(a[0], a[1]),
        "ge" => PyOps.GreaterEqual(a[0], a[1]),
        "contains" => PyOps.Contains(a[0], a[1]),
        "neg" => PyOps.Neg(a[0]),
        "pos" => PyOps.Pos(a[0]),
        "truth" => PyOps.IsTrue(a[0]),
        "typename" => PyOps.TypeName(a[0]),
        "str" => PyRepr.Str(a[0]),
        "repr" => PyRepr.Repr(a[0]),
        _ => throw new InvalidOperationException(op),
    };

    [Fact]
    public void Operators_match_python()
    {
        var cases = PyFixtures.Load("operators.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            string op = c.GetProperty("op").GetString()!;
            var args = c.GetProperty("args").EnumerateArray().Select(PyFixtures.Decode).ToArray();
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual = PyFixtures.Outcome(() => Apply(op, args));
            if (actual != expected)
            {
                failures.Add($"{op}({string.Join(", ", args.Select(PyRepr.Repr))}): expected {expected} got {actual}");
            }
        }
        Assert.True(total > 30000);
        PyFixtures.AssertNone(failures, total);
    }

    [Fact]
    public void Float_repr_matches_python()
    {
        var cases = PyFixtures.Load("floats.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            double v = (double)PyFixtures.Decode(c.GetProperty("value"))!;
            string expected = c.GetProperty("repr").GetString()!;
            string actual = PyFloat.Repr(v);
            if (actual != expected)
            {
                failures.Add($"{expected}: got {actual}");
            }
        }
        PyFixtures.AssertNone(failures, total);
    }
}
