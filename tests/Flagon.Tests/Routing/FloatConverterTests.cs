using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class FloatConverterTests
{
    [Fact]
    public void RequiresADotAndDigitsOnBothSides()
    {
        var a = Routes.Adapter(new Rule("/f/<float:x>", "f"));
        Assert.Equal(1.5, a.AssertMatched("/f/1.5", "f").Values["x"]);
        a.AssertNotFound("/f/2");
        a.AssertNotFound("/f/.5");
        a.AssertNotFound("/f/1.");
        a.AssertNotFound("/f/-1.5");
        a.AssertNotFound("/f/1e5");
    }

    [Fact]
    public void SignedMinAndMax()
    {
        var a = Routes.Adapter(
            new Rule("/s/<float(signed=True):x>", "s"),
            new Rule("/r/<float(min=0.5, max=2):x>", "r"));
        Assert.Equal(-0.25, a.AssertMatched("/s/-0.25", "s").Values["x"]);
        a.AssertMatched("/r/2.0", "r");
        a.AssertNotFound("/r/2.01");
        a.AssertNotFound("/r/0.4");
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(2.0, "2.")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(1e20, "100000000000000000000.")]
    [InlineData(1e-7, "0.")]
    public void ToUrlFollowsWerkzeug32(double value, string expected)
        => Assert.Equal(expected, new FloatConverter(signed: true).ToUrl(value));

    [Fact]
    public void ToUrlAcceptsIntegersAndNumericStrings()
    {
        Assert.Equal("3.", new FloatConverter().ToUrl(3L));
        Assert.Equal("0.5", new FloatConverter().ToUrl("0.5"));
        Assert.Throws<ArgumentException>(() => new FloatConverter().ToUrl("abc"));
    }
}
