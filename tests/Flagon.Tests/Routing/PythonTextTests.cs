using Flagon.Routing;

namespace Flagon.Tests.Routing;

/// <summary>Python's str/repr as used for query values and BuildError messages (expected values printed by CPython).</summary>
public class PythonTextTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123456789012345680.0, "1.2345678901234568e+17")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(100.0, "100.0")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(9007199254740992.0, "9007199254740992.0")]
    [InlineData(9.999999999999999e22, "1e+23")]
    [InlineData(double.PositiveInfinity, "inf")]
    public void FloatReprMatchesPython(double value, string expected) => Assert.Equal(expected, PyText.FloatRepr(value));

    [Theory]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\"b'c", "'a\"b\\'c'")]
    [InlineData("tab\tnl\n\u007f\u0085é", "'tab\\tnl\\n\\x7f\\x85é'")]
    public void StringReprMatchesPython(string value, string expected) => Assert.Equal(expected, PyText.Repr(value));

    [Fact]
    public void StrOfCommonValues()
    {
        Assert.Equal("True", PyText.Str(true));
        Assert.Equal("None", PyText.Str(null));
        Assert.Equal("42", PyText.Str(42));
        Assert.Equal("a8098c1a-f86e-11da-bd1a-00112444be1e", PyText.Str(Guid.Parse("A8098C1A-F86E-11DA-BD1A-00112444BE1E")));
    }
}
