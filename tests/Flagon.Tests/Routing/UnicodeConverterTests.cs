using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class UnicodeConverterTests
{
    [Fact]
    public void DefaultMatchesOneNonEmptySegment()
    {
        var a = Routes.Adapter(new Rule("/p/<name>", "p"));
        Assert.Equal("hello world", a.AssertMatched("/p/hello world", "p").Values["name"]);
        a.AssertNotFound("/p/a/b");
        a.AssertNotFound("/p/");
    }

    [Fact]
    public void LengthLimitsCountCodePoints()
    {
        var a = Routes.Adapter(
            new Rule("/l/<string(length=2):code>", "exact"),
            new Rule("/r/<string(minlength=2, maxlength=3):w>", "range"));
        a.AssertMatched("/l/de", "exact");
        a.AssertMatched("/l/\U0001F600\U0001F600", "exact");
        a.AssertNotFound("/l/d");
        a.AssertNotFound("/l/deu");
        a.AssertMatched("/r/ab", "range");
        a.AssertMatched("/r/abc", "range");
        a.AssertNotFound("/r/a");
        a.AssertNotFound("/r/abcd");
    }

    [Fact]
    public void MinLengthZeroMatchesAnEmptySegment()
    {
        var a = Routes.Adapter(new Rule("/e/<string(minlength=0):x>/end", "e"));
        Assert.Equal("", a.AssertMatched("/e//end", "e").Values["x"]);
    }

    [Fact]
    public void ToUrlQuotesWithWerkzeug3SafeSet()
    {
        var converter = new UnicodeConverter();
        Assert.Equal("a&b=c@d%7Ce", converter.ToUrl("a&b=c@d|e"));
        Assert.Equal("%C3%BC%20x/y", converter.ToUrl("ü x/y"));
        Assert.Equal("True", converter.ToUrl(true));
        Assert.Equal("1e-05", converter.ToUrl(0.00001));
    }
}
