using System.Numerics;
using Flagon.Jinja.Runtime;
using Flagon.Sessions;

namespace Flagon.Tests.Sessions;

/// <summary>Flask's tagged JSON from .NET values: tags, key order, escaping, numbers, limits.</summary>
public class TaggedJsonSerializerTests
{
    private static string Dumps(object? v) => TaggedJsonSerializer.Instance.Dumps(v);

    private static object? RoundTrip(object? v) => TaggedJsonSerializer.Instance.Loads(Dumps(v));

    [Fact]
    public void TagsAreFlasksInFlasksOrder() => Assert.Equal([" di", " t", " b", " m", " u", " d"], TaggedJsonSerializer.Tags);

    [Fact]
    public void DotNetTuplesBecomePythonTuples()
    {
        Assert.Equal("{\" t\":[\"info\",\"hi\"]}", Dumps(("info", "hi")));
        Assert.Equal("{\" t\":[1,2]}", Dumps(new PyTuple(1L, 2L)));
        Assert.Equal("{\" t\":[]}", Dumps(PyTuple.Empty));
        Assert.Equal(new PyTuple("info", "hi"), RoundTrip(Tuple.Create("info", "hi")));
    }

    [Fact]
    public void DatesAreHttpDatesInUtc()
    {
        Assert.Equal("{\" d\":\"Thu, 02 Jan 2020 03:04:05 GMT\"}", Dumps(new DateTimeOffset(2020, 1, 2, 5, 4, 5, 500, TimeSpan.FromHours(2))));
        Assert.Equal("{\" d\":\"Thu, 02 Jan 2020 03:04:05 GMT\"}", Dumps(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Unspecified)));
        Assert.Equal("{\" d\":\"Thu, 02 Jan 2020 03:04:05 GMT\"}", Dumps(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        Assert.Equal("\"Sat, 29 Feb 2020 00:00:00 GMT\"", Dumps(new DateOnly(2020, 2, 29)));
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), RoundTrip(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("Thu, 02 Jan 2020 03:04:05 GMT", "2020-01-02T03:04:05+00:00")]
    [InlineData("02 Jan 2020 03:04:05 +0200", "2020-01-02T03:04:05+02:00")]
    [InlineData("Thu, 2 Jan 20 03:04 UTC", "2020-01-02T03:04:00+00:00")]
    [InlineData("Thu, 02 Jan 2020 03:04:05", "2020-01-02T03:04:05+00:00")]
    public void HttpDatesParseLikeWerkzeug(string text, string iso)
    {
        var value = TaggedJsonSerializer.Instance.Loads("{\" d\":\"" + text + "\"}");
        Assert.Equal(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<DateTimeOffset>(value));
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("Thu, 30 Feb 2020 03:04:05 GMT")]
    [InlineData("Thu, 02 Foo 2020 03:04:05 GMT")]
    public void UnreadableDatesBecomeNullAsInWerkzeug(string text) =>
        Assert.Null(TaggedJsonSerializer.Instance.Loads("{\" d\":\"" + text + "\"}"));

    [Fact]
    public void BytesMarkupAndUuids()
    {
        Assert.Equal("{\" b\":\"AP8=\"}", Dumps(new byte[] { 0, 255 }));
        Assert.Equal("{\" b\":\"AP8=\"}", Dumps(new ReadOnlyMemory<byte>([0, 255])));
        Assert.Equal(new byte[] { 0, 255 }, RoundTrip(new byte[] { 0, 255 }));
        Assert.Equal("{\" m\":\"<b>x</b>\"}", Dumps(new Markup("<b>x</b>")));
        Assert.Equal(new Markup("<b>x</b>"), RoundTrip(new Markup("<b>x</b>")));
        var guid = Guid.Parse("12345678-1234-5678-1234-567812345678");
        Assert.Equal("{\" u\":\"12345678123456781234567812345678\"}", Dumps(guid));
        Assert.Equal(guid, TaggedJsonSerializer.Instance.Loads("{\" u\":\"{12345678-1234-5678-1234-567812345678}\"}"));
        Assert.Equal(guid, TaggedJsonSerializer.Instance.Loads("{\" u\":\"urn:uuid:12345678-1234-5678-1234-567812345678\"}"));
    }

    [Fact]
    public void OneKeyDictsWhoseKeyIsATagAreEscaped()
    {
        var d = new Dictionary<string, object?> { [" t"] = "x" };
        Assert.Equal("{\" di\":{\" t__\":\"x\"}}", Dumps(d));
        var back = Assert.IsType<Dictionary<string, object?>>(RoundTrip(d));
        Assert.Equal("x", back[" t"]);
        Assert.Equal("{\" t\":1,\" u\":2}", Dumps(new Dictionary<string, object?> { [" u"] = 2L, [" t"] = 1L }));
    }

    [Fact]
    public void KeysSortByCodePointAndTextIsAsciiEscaped()
    {
        var d = new Dictionary<string, object?> { ["\U0001F600"] = 1L, ["\uffff"] = 2L, ["b"] = 3L, ["B"] = 4L, ["é"] = 5L };
        Assert.Equal("{\"B\":4,\"b\":3,\"\\u00e9\":5,\"\\uffff\":2,\"\\ud83d\\ude00\":1}", Dumps(d));
        Assert.Equal("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f/<>&'\"", Dumps("\"\\\n\r\t\b\f\u0000\u001f\u007f/<>&'"));
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(2.0, "2.0")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(123456789.123, "123456789.123")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void FloatsUsePythonsRepr(double value, string expected) => Assert.Equal(expected, Dumps(value));

    [Fact]
    public void IntegersOfAnySize()
    {
        Assert.Equal("[1,2,3,4,18446744073709551615,-9223372036854775808]", Dumps(new object[] { 1, (short)2, (byte)3, 4L, ulong.MaxValue, long.MinValue }));
        var big = BigInteger.Pow(3, 100);
        Assert.Equal(big, RoundTrip(big));
        Assert.Equal(9223372036854775807L, RoundTrip(long.MaxValue));
        Assert.IsType<BigInteger>(RoundTrip(ulong.MaxValue));
        Assert.Equal("\"1.50\"", Dumps(1.50m)); // Flask's JSON writes a Decimal as its str()
    }

    [Fact]
    public void NestedDictionariesOfAnyKind()
    {
        var py = new PyDict { ["b"] = 1L, ["a"] = new List<int> { 1, 2 } };
        Assert.Equal("{\"a\":[1,2],\"b\":1}", Dumps(py));
        Assert.Equal("{\"x\":{\"y\":1}}", Dumps(new Dictionary<string, object?> { ["x"] = new Dictionary<string, int> { ["y"] = 1 } }));
        Assert.Throws<InvalidOperationException>(() => Dumps(new Dictionary<int, object?> { [1] = 1 }));
    }

    [Fact]
    public void UnsupportedValuesFailClearlyWhenWritten()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Dumps(new { A = 1 }));
        Assert.Contains("is not JSON serializable", e.Message);
        var self = new List<object?>();
        self.Add(self);
        Assert.Throws<InvalidOperationException>(() => Dumps(self));
    }

    [Fact]
    public void MalformedTagsAreErrors()
    {
        Assert.ThrowsAny<FormatException>(() => TaggedJsonSerializer.Instance.Loads("{\" u\":\"nothex\"}"));
        Assert.ThrowsAny<FormatException>(() => TaggedJsonSerializer.Instance.Loads("{\" t\":5}"));
        Assert.ThrowsAny<FormatException>(() => TaggedJsonSerializer.Instance.Loads("{\" b\":\"***\"}"));
        Assert.ThrowsAny<FormatException>(() => TaggedJsonSerializer.Instance.Loads(new string('[', 1000) + new string(']', 1000)));
        Assert.ThrowsAny<FormatException>(() => TaggedJsonSerializer.Instance.Loads("{\"a\":1,}"));
        Assert.ThrowsAny<FormatException>(() => TaggedJsonSerializer.Instance.Loads("[01]"));
    }

    [Fact]
    public void PythonJsonExtrasAreRead()
    {
        var list = Assert.IsType<List<object?>>(TaggedJsonSerializer.Instance.Loads(" [NaN, Infinity, -Infinity, 1E2, -0, 1e400, \"\\u00e9\\/\"] "));
        Assert.True(double.IsNaN((double)list[0]!));
        Assert.Equal(double.PositiveInfinity, list[1]);
        Assert.Equal(double.NegativeInfinity, list[2]);
        Assert.Equal(100.0, list[3]);
        Assert.Equal(0L, list[4]);
        Assert.Equal(double.PositiveInfinity, list[5]);
        Assert.Equal("é/", list[6]);
        var dup = Assert.IsType<Dictionary<string, object?>>(TaggedJsonSerializer.Instance.Loads("{\"a\":1,\"a\":2}"));
        Assert.Equal(2L, dup["a"]);
    }
}
