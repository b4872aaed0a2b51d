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

    [Fact]
    public void Strftime_formats_dotnet_dates_as_python_does()
    {
        var data = new Dictionary<string, object?>
        {
            ["created"] = new DateTime(2024, 3, 7, 14, 5, 9),
            ["offset"] = new DateTimeOffset(2024, 3, 7, 14, 5, 9, TimeSpan.FromHours(2)),
            ["day"] = new DateOnly(2024, 12, 25),
        };
        Assert.Equal("2024-03-07", TestUtil.Render("{{ created.strftime('%Y-%m-%d') }}", data));
        Assert.Equal("Thu 07 Mar 2024 02:05:09 PM", TestUtil.Render("{{ offset.strftime('%a %d %b %Y %I:%M:%S %p') }}", data));
        Assert.Equal("25/12/24 00:00", TestUtil.Render("{{ day.strftime('%d/%m/%y %H:%M') }}", data));
    }

    [Fact]
    public void Strftime_takes_exactly_one_string()
    {
        var data = new Dictionary<string, object?> { ["d"] = new DateTime(2024, 1, 1) };
        Assert.Contains("must be str, not int", Assert.ThrowsAny<TemplateError>(() => TestUtil.Render("{{ d.strftime(3) }}", data)).Message);
        Assert.Contains("strftime() missing required argument 'format' (pos 1)", Assert.ThrowsAny<TemplateError>(() => TestUtil.Render("{{ d.strftime() }}", data)).Message);
        Assert.Contains("takes at most 1 argument (2 given)", Assert.ThrowsAny<TemplateError>(() => TestUtil.Render("{{ d.strftime('a', 'b') }}", data)).Message);
        Assert.Equal("2024", TestUtil.Render("{{ d.strftime(format='%Y') }}", data));
    }

    [Fact]
    public void Strftime_is_allowed_in_the_immutable_sandbox()
    {
        var env = new Flagon.Jinja.Sandbox.ImmutableSandboxedEnvironment();
        var data = new Dictionary<string, object?> { ["d"] = new DateTime(2024, 1, 2) };
        Assert.Equal("02.01.2024", env.FromString("{{ d.strftime('%d.%m.%Y') }}").Render(data));
    }
}
