using System.Numerics;
using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class IntegerConverterTests
{
    [Fact]
    public void MatchesDigitsAndConvertsToLong()
    {
        var a = Routes.Adapter(new Rule("/n/<int:n>", "n"));
        Assert.Equal(42L, a.AssertMatched("/n/42", "n").Values["n"]);
        Assert.Equal(7L, a.AssertMatched("/n/007", "n").Values["n"]);
        a.AssertNotFound("/n/-1");
        a.AssertNotFound("/n/1.5");
        a.AssertNotFound("/n/x");
    }

    [Fact]
    public void HugeNumbersBecomeBigInteger()
    {
        var a = Routes.Adapter(new Rule("/n/<int:n>", "n"));
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890"), a.AssertMatched("/n/123456789012345678901234567890", "n").Values["n"]);
    }

    [Fact]
    public void UnicodeDigitsAreDigitsAsInPython()
    {
        var a = Routes.Adapter(new Rule("/n/<int:n>", "n"));
        Assert.Equal(3L, a.AssertMatched("/n/\u0663", "n").Values["n"]);
    }

    [Fact]
    public void SignedAcceptsAMinus()
    {
        var a = Routes.Adapter(new Rule("/s/<int(signed=True):n>", "s"));
        Assert.Equal(-5L, a.AssertMatched("/s/-5", "s").Values["n"]);
        a.AssertNotFound("/s/--5");
        a.AssertNotFound("/s/-");
    }

    [Fact]
    public void FixedDigitsMinAndMaxRejectWith404()
    {
        var a = Routes.Adapter(
            new Rule("/y/<int(fixed_digits=4):y>", "y"),
            new Rule("/r/<int(min=1, max=10):n>", "r"),
            new Rule("/r/<name>", "fallback"));
        a.AssertMatched("/y/2024", "y");
        a.AssertNotFound("/y/024");
        a.AssertMatched("/r/10", "r");
        // A converter rejection is a 404 even though another rule would match the path.
        a.AssertNotFound("/r/11");
        a.AssertNotFound("/r/0");
    }

    [Fact]
    public void ToUrlIsPythonIntZeroFilled()
    {
        Assert.Equal("0042", new IntegerConverter(fixedDigits: 4).ToUrl(42L));
        Assert.Equal("-05", new IntegerConverter(fixedDigits: 3, signed: true).ToUrl(-5));
        Assert.Equal("3", new IntegerConverter().ToUrl(3.9));
        Assert.Equal("17", new IntegerConverter().ToUrl("17"));
        Assert.Equal("1", new IntegerConverter().ToUrl(true));
        Assert.Throws<ArgumentException>(() => new IntegerConverter().ToUrl("abc"));
    }

    [Fact]
    public void ToPythonThrowsValidationErrorOnRejection()
    {
        var converter = new IntegerConverter(min: 5L);
        Assert.Equal(6L, converter.ToPython("6"));
        Assert.Throws<ValidationError>(() => converter.ToPython("4"));
        Assert.Throws<ValidationError>(() => converter.ToPython("x"));
    }
}
