using System.Text.Json;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Python;

public class PyJsonTests
{
    private static object? Indent(JsonElement options)
    {
        if (!options.TryGetProperty("indent", out var ind) || ind.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return ind.ValueKind == JsonValueKind.String ? ind.GetString() : ind.GetInt64();
    }

    [Fact]
    public void Json_matches_python()
    {
        var cases = PyFixtures.Load("json.json");
        var failures = new List<string>();
        int total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            string kind = c.GetProperty("kind").GetString()!;
            string expected = PyFixtures.Expected(c.GetProperty("result"));
            string actual;
            string label;
            if (kind == "loads")
            {
                string text = c.GetProperty("text").GetString()!;
                label = "loads " + PyRepr.Repr(text);
                actual = PyFixtures.Outcome(() => PyJson.Loads(text));
            }
            else
            {
                var value = PyFixtures.Decode(c.GetProperty("value"));
                var o = c.GetProperty("options");
                label = kind + " " + PyRepr.Repr(value) + " " + o.GetRawText();
                if (kind == "tojson")
                {
                    actual = PyFixtures.Outcome(() => PyJson.HtmlSafeDumps(value, Indent(o)));
                }
                else
                {
                    bool sortKeys = o.TryGetProperty("sort_keys", out var sk) && sk.GetBoolean();
                    bool ensureAscii = !o.TryGetProperty("ensure_ascii", out var ea) || ea.GetBoolean();
                    (string, string)? seps = o.TryGetProperty("separators", out var sp) ? (sp[0].GetString()!, sp[1].GetString()!) : null;
                    actual = PyFixtures.Outcome(() => PyJson.Dumps(value, sortKeys, Indent(o), seps, ensureAscii));
                }
            }
            if (actual != expected)
            {
                failures.Add($"{label}: expected {expected} got {actual}");
            }
        }
        Assert.True(total > 300);
        PyFixtures.AssertNone(failures, total);
    }

    [Fact]
    public void Loads_keeps_order_and_integer_kinds()
    {
        var d = Assert.IsType<PyDict>(PyJson.Loads("{\"z\": 1, \"a\": 18446744073709551616, \"f\": 1.0}"));
        Assert.Equal(["z", "a", "f"], d.Keys.Cast<string>());
        Assert.IsType<long>(d["z"]);
        Assert.IsType<System.Numerics.BigInteger>(d["a"]);
        Assert.IsType<double>(d["f"]);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var e = Assert.Throws<PythonError>(() => PyJson.Loads(new string('[', 100_000)));
        Assert.Equal("RecursionError", e.Kind);
    }

    [Fact]
    public void Tojson_escapes_html()
    {
        var r = PyJson.HtmlSafeDumps(new PyDict { ["b"] = "<x>", ["a"] = 2L });
        Assert.Equal(new Markup("{\"a\": 2, \"b\": \"\\u003cx\\u003e\"}"), r);
        Assert.Equal("Object of type object is not JSON serializable"[..15], Assert.Throws<PythonError>(() => PyJson.Dumps(new object())).Message[..15]);
    }
}
