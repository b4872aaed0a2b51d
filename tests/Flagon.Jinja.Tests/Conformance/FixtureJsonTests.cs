using System.Numerics;
using System.Text.Json;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Conformance;

/// <summary>The fixture context must reach the engine as Python's json.loads would build it.</summary>
public sealed class FixtureJsonTests
{
    private static PyDict Load(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return FixtureJson.ToContext(doc.RootElement);
    }

    [Fact]
    public void NumbersKeepTheirPythonKind()
    {
        var d = Load("""{"i": 7, "f": 7.0, "e": 1e+20, "n": -0.0, "big": 123456789012345678901234567890, "neg": -9223372036854775809}""");
        Assert.Equal(7L, d["i"]);
        Assert.Equal(7.0, d["f"]);
        Assert.Equal(1e20, d["e"]);
        Assert.True(double.IsNegative((double)d["n"]!));
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890"), d["big"]);
        Assert.Equal(BigInteger.Parse("-9223372036854775809"), d["neg"]);
    }

    [Fact]
    public void ObjectsKeepKeyOrderAndArraysBecomeLists()
    {
        var d = Load("""{"z": 1, "a": [true, null, "s", {"k": false}], "m": {}}""");
        Assert.Equal(["z", "a", "m"], d.Keys.Cast<string>());
        var list = Assert.IsType<List<object?>>(d["a"]);
        Assert.Equal(true, list[0]);
        Assert.Null(list[1]);
        Assert.Equal("s", list[2]);
        Assert.Equal(false, Assert.IsType<PyDict>(list[3])["k"]);
    }

    [Fact]
    public void NonObjectContextIsRefused()
    {
        Assert.Throws<InvalidDataException>(() => Load("[1, 2]"));
    }
}
