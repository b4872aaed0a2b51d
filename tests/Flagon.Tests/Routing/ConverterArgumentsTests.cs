using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class ConverterArgumentsTests
{
    [Fact]
    public void ParsesPositionalAndKeywordPythonLiterals()
    {
        var args = ConverterArguments.Parse("test, a=1, b=3.0");
        Assert.Equal(["test"], args.Positional);
        Assert.Equal(1L, args.Keyword["a"]);
        Assert.Equal(3.0, args.Keyword["b"]);
    }

    [Fact]
    public void EmptyTextHasNoArguments()
    {
        var args = ConverterArguments.Parse("");
        Assert.Empty(args.Positional);
        Assert.Empty(args.Keyword);
    }

    [Fact]
    public void TrailingCommaIsAllowed()
        => Assert.Equal(["a", "b", "c"], ConverterArguments.Parse("a, b, c,").Positional);

    [Fact]
    public void ConstantsBecomeBoolAndNull()
        => Assert.Equal([true, false, null], ConverterArguments.Parse("True, False, None").Positional);

    [Fact]
    public void QuotedStringsAreDequotedAndStayStrings()
    {
        Assert.Equal(["foo", "bar"], ConverterArguments.Parse("\"foo\", \"bar\"").Positional);
        Assert.Equal(["5", "a,b"], ConverterArguments.Parse("'5', 'a,b'").Positional);
    }

    [Fact]
    public void UnparseableTextIsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => ConverterArguments.Parse("min=0;max=500"));
        Assert.StartsWith("Cannot parse converter argument", error.Message);
    }

    [Fact]
    public void BindRejectsUnknownKeywordsAndTooManyPositionals()
    {
        Assert.Throws<ArgumentException>(() => ConverterArguments.Parse("nope=1").Bind("int", "fixed_digits", "min", "max", "signed"));
        Assert.Throws<ArgumentException>(() => ConverterArguments.Parse("1, 2").Bind("uuid"));
        Assert.Throws<ArgumentException>(() => ConverterArguments.Parse("1, fixed_digits=2").Bind("int", "fixed_digits"));
    }

    [Fact]
    public void RuleWithBadConverterArgumentsFailsWhenAdded()
    {
        var map = new UrlMap();
        Assert.Throws<ArgumentException>(() => map.Add(new Rule("/<int(nope=1):x>", "x")));
        Assert.Throws<ArgumentException>(() => map.Add(new Rule("/<string(min=0;max=5):x>", "y")));
    }
}
