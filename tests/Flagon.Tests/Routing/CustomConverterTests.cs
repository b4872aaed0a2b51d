using Flagon.Routing;

namespace Flagon.Tests.Routing;

public class CustomConverterTests
{
    private sealed class RegexConverter : BaseConverter
    {
        public RegexConverter(string regex) => Regex = regex;

        public override object? ToPython(string value) => value;
    }

    private sealed class TwoConverter : BaseConverter
    {
        public TwoConverter() => Regex = @"(\w\w+)/(\w\w+)";

        public override object? ToPython(string value) => value.Split('/');

        public override string ToUrl(object? value) => string.Join("/", (string[])value!);
    }

    private sealed class HexConverter : BaseConverter
    {
        public HexConverter()
        {
            Regex = "[0-9a-f]+";
            Weight = 60;
        }

        public override object? ToPython(string value)
            => value.Length > 8 ? throw new ValidationError() : Convert.ToInt64(value, 16);

        public override string ToUrl(object? value) => ((long)value!).ToString("x");
    }

    [Fact]
    public void RegisteredByNameWithArguments()
    {
        var map = new UrlMap();
        map.Converters["regex"] = args => new RegexConverter((string)args.Positional[0]!);
        map.Add(new Rule("/<regex('[^/:]+\\.[^/:]+'):value>", "regex"));
        var a = map.Bind("localhost");
        Assert.Equal("asdfsa.asdfs", a.AssertMatched("/asdfsa.asdfs", "regex").Values["value"]);
        a.AssertNotFound("/nodot");
    }

    [Fact]
    public void UnknownConverterIsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => new UrlMap().Add(new Rule("/<nope:x>", "x")));
        Assert.Equal("the converter 'nope' does not exist", error.Message);
    }

    [Fact]
    public void ValidationErrorInToPythonIs404AndInToUrlSkipsTheRule()
    {
        var map = new UrlMap();
        map.Converters["hex"] = _ => new HexConverter();
        map.Add(new Rule("/h/<hex:n>", "hex"));
        map.Add(new Rule("/h/<name>", "name"));
        var a = map.Bind("localhost");
        Assert.Equal(255L, a.AssertMatched("/h/ff", "hex").Values["n"]);
        a.AssertNotFound("/h/123456789");
        Assert.Equal("/h/ff", a.Build("hex", Routes.Values(("n", 255L))));
    }

    [Fact]
    public void RegexWithASlashIsNotPartIsolatingAndItsGroupsDoNotLeak()
    {
        var map = new UrlMap();
        map.Converters["two"] = _ => new TwoConverter();
        map.Add(new Rule("/<two:foo>/", "handler"));
        var a = map.Bind("example.org");
        Assert.False(new TwoConverter().PartIsolating);
        Assert.Equal(["qwert", "yuiop"], (string[])a.AssertMatched("/qwert/yuiop/", "handler").Values["foo"]!);
        a.AssertRedirect("/qwert/yuiop", "http://example.org/qwert/yuiop/");
    }

    [Fact]
    public void NestedGroupsInACustomRegexAreFine()
    {
        const string date = @"((\d{8}T\d{6}([.,]\d{1,3})?)|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([.,]\d{1,3})?))Z";
        var map = new UrlMap();
        map.Converters["regex"] = args => new RegexConverter((string)args.Positional[0]!);
        map.Add(new Rule($"/<regex('{date}'):start>/<regex('{date}'):end>/", "handler"));
        var values = map.Bind("example.org").AssertMatched("/2023-02-16T23:36:36.266Z/2023-02-16T23:46:36.266Z/", "handler").Values;
        Assert.Equal("2023-02-16T23:36:36.266Z", values["start"]);
        Assert.Equal("2023-02-16T23:46:36.266Z", values["end"]);
    }

    [Theory]
    [InlineData("[^/]+", true)]
    [InlineData(@"\w+/\w+", false)]
    [InlineData("[a-z/]+", false)]
    [InlineData(@"a\/b", false)]
    [InlineData("[^]/]+", true)]
    [InlineData(".+", true)]
    public void PartIsolationIsInferredFromALiteralSlash(string regex, bool isolating)
        => Assert.Equal(isolating, new RegexConverter(regex).PartIsolating);
}
