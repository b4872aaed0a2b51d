using Flagon.Json;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>The default JSON provider is byte-identical to Flask's; the provider is swappable.</summary>
public class JsonProviderTests
{
    internal static readonly Dictionary<string, object?> Values = new()
    {
        ["dict_sorted"] = new Dictionary<string, object?>
        {
            ["b"] = 1,
            ["a"] = new List<object?> { 1, 2, new Dictionary<string, object?> { ["z"] = null, ["y"] = true } },
            ["C"] = "x",
            ["é"] = "ü",
            ["_"] = false,
        },
        ["floats"] = new List<object?> { 1.0, 0.1, 1e16, 1e15, 1e-5, 0.0001, 123456.789, -0.0, 1.5e300, 2.5, -3.25e-10, 1.0 / 3 },
        ["ints"] = new List<object?> { 0, -1, 9007199254740992L, long.MaxValue, long.MinValue },
        ["strings"] = new List<object?> { "plain", "quote\" backslash\\ slash/", "ctl\n\r\t\b\f\u0001\u001f\u007f", "é ü ß 中文 😀", "<script>&amp;</script>" },
        ["empty"] = new Dictionary<string, object?> { ["list"] = new List<object?>(), ["dict"] = new Dictionary<string, object?>(), ["nested"] = new object[] { Array.Empty<int>(), new Dictionary<string, int>() } },
        ["unicode_keys"] = new Dictionary<string, int> { ["z"] = 1, ["Z"] = 2, ["é"] = 3, ["a"] = 4, ["😀"] = 5, ["中"] = 6, ["\uffff"] = 7 },
        ["scalar_string"] = "just a string",
        ["scalar_null"] = null,
        ["scalar_number"] = 42,
        ["nested"] = new Dictionary<string, object?> { ["level1"] = new Dictionary<string, object?> { ["level2"] = new Dictionary<string, object?> { ["level3"] = new List<object?> { 1, new Dictionary<string, string> { ["k"] = "v" } } } } },
    };

    public static IEnumerable<object[]> Cases() => Values.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ResponsesAreByteIdenticalToFlask(string name)
    {
        var app = TestApps.New();
        app.Get("/", () => Jsonify(Values[name]), endpoint: "i");
        using var client = app.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(FlaskFixture.Get("json").GetProperty(name).GetString(), response.Text);
        Assert.Equal("application/json", response.ContentType);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DebugResponsesAreIndentedAsFlasks(string name)
    {
        var app = TestApps.New();
        app.Debug = true;
        Assert.Equal(FlaskFixture.Get("json_debug").GetProperty(name).GetString(), app.Json.Response(Values[name]).Text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DumpsMatchesFlaskJsonDumps(string name)
    {
        var app = TestApps.New();
        Assert.Equal(FlaskFixture.Get("json_dumps").GetProperty(name).GetString(), app.Json.Dumps(Values[name]));
    }

    [Fact]
    public void JsonifyWithSeveralOrNoValues()
    {
        var app = TestApps.New();
        using (app.AppContext())
        {
            Assert.Equal(FlaskFixture.Get("json_multi").GetString(), Jsonify(1, "two", new[] { 3 }).Text);
            Assert.Equal(FlaskFixture.Get("json_empty").GetString(), Jsonify().Text);
        }
    }

    [Fact]
    public void ExtraTypesFollowFlasksDefault()
    {
        var provider = new DefaultJsonProvider();
        var value = new Dictionary<string, object?>
        {
            ["date"] = new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero),
            ["decimal"] = 1.50m,
            ["guid"] = Guid.Parse("12345678-1234-5678-1234-567812345678"),
            ["tuple"] = (1, "a"),
        };
        Assert.Equal("{\"date\": \"Wed, 21 Oct 2015 07:28:00 GMT\", \"decimal\": \"1.50\", \"guid\": \"12345678-1234-5678-1234-567812345678\", \"tuple\": [1, \"a\"]}", provider.Dumps(value));
    }

    [Fact]
    public void WithoutEnsureAsciiOnlyControlsQuotesAndBackslashesAreEscaped()
    {
        // Expected: Python's json.dumps(value, ensure_ascii=False).
        var provider = new DefaultJsonProvider { EnsureAscii = false };
        Assert.Equal(
            "\"ctl\\n\\r\\t\\b\\f\\u0001\\u001f\u007f é 中😀 \\\"q\\\" back\\\\ end\"",
            provider.Dumps("ctl\n\r\t\b\f\u0001\u001f\u007f é 中😀 \"q\" back\\ end"));
    }

    [Fact]
    public void LongRunsAroundEscapesAreCopiedWhole()
    {
        var run = new string('a', 300);
        Assert.Equal("\"" + run + "\\\"" + run + "\\u00e9" + run + "\"", new DefaultJsonProvider().Dumps(run + "\"" + run + "é" + run));
    }

    [Fact]
    public void DeepNestingIsAnErrorNotACrash()
    {
        object? value = null;
        for (var i = 0; i < 10_000; i++)
        {
            value = new List<object?> { value };
        }

        Assert.Throws<InvalidOperationException>(() => new DefaultJsonProvider().Dumps(value));
        var deepText = new string('[', 10_000) + new string(']', 10_000);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => new DefaultJsonProvider().Loads(deepText));
    }

    [Fact]
    public void LoadsGivesPlainValues()
    {
        var value = new DefaultJsonProvider().Loads("{\"a\": [1, 2.5, \"x\", null, true], \"big\": 123456789012345678901234567890}");
        var dict = Assert.IsType<Dictionary<string, object?>>(value);
        var list = Assert.IsType<List<object?>>(dict["a"]);
        Assert.Equal(1L, list[0]);
        Assert.Equal(2.5, list[1]);
        Assert.Equal("x", list[2]);
        Assert.Null(list[3]);
        Assert.Equal(true, list[4]);
        Assert.IsType<System.Numerics.BigInteger>(dict["big"]);
    }

    private sealed class UpperProvider : IJsonProvider
    {
        private readonly DefaultJsonProvider _inner = new();

        public System.Text.Json.JsonSerializerOptions SerializerOptions => _inner.SerializerOptions;

        public string MimeType => "application/vnd.upper+json";

        public string Dumps(object? value) => _inner.Dumps(value).ToUpperInvariant();

        public object? Loads(string text) => _inner.Loads(text);

        public Response Response(object? value) => new(Dumps(value), mimeType: MimeType);
    }

    [Fact]
    public async Task TheProviderIsSwappable()
    {
        var app = TestApps.New();
        app.Json = new UpperProvider();
        app.Get("/", () => new Dictionary<string, string> { ["a"] = "b" }, endpoint: "i");
        using var client = app.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal("{\"A\": \"B\"}", response.Text);
        Assert.Equal("application/vnd.upper+json", response.ContentType);
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(5e-324, "5e-324")]
    public void PythonFloatRepr(double value, string expected) => Assert.Equal(expected, PythonFloat.JsonRepr(value));
}
