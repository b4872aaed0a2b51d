using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Python;

public class PyDateTimeTests
{
    private static object Build(string kind, long[] p) => kind switch
    {
        "datetime" => new DateTime((int)p[0], (int)p[1], (int)p[2], (int)p[3], (int)p[4], (int)p[5]).AddTicks(p[6] * 10),
        "datetimeoffset" => new DateTimeOffset(new DateTime((int)p[0], (int)p[1], (int)p[2], (int)p[3], (int)p[4], (int)p[5]).AddTicks(p[6] * 10), TimeSpan.FromMinutes(p[7])),
        "date" => new DateOnly((int)p[0], (int)p[1], (int)p[2]),
        "time" => new TimeOnly((int)p[0], (int)p[1], (int)p[2]).Add(TimeSpan.FromTicks(p[3] * 10)),
        _ => TimeSpan.FromTicks(p[0] * 10),
    };

    [Fact]
    public void Dates_print_as_python_datetime()
    {
        var cases = PyFixtures.Load("datetimes.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            string kind = c.GetProperty("kind").GetString()!;
            var parts = c.GetProperty("parts").EnumerateArray().Select(x => x.GetInt64()).ToArray();
            var value = Build(kind, parts);
            string expected = $"{c.GetProperty("type").GetString()}|{c.GetProperty("str").GetString()}|{c.GetProperty("repr").GetString()}";
            string actual = $"{PyOps.TypeName(value)}|{PyRepr.Str(value)}|{PyRepr.Repr(value)}";
            if (actual != expected)
            {
                failures.Add($"{kind} {string.Join(",", parts)}: expected {expected} got {actual}");
            }
        }
        Assert.True(total >= 20);
        PyFixtures.AssertNone(failures, total);
    }

    [Fact]
    public void Dates_order_like_python()
    {
        var a = new DateTime(2024, 1, 1);
        var b = new DateTime(2024, 6, 1);
        Assert.True(PyOps.Less(a, b));
        Assert.Equal([a, b], PyMethods.Sort([b, a]).Cast<DateTime>());
        Assert.Throws<PythonError>(() => PyOps.Less(a, "x"));
    }
}
