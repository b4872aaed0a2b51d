using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests;

public class ExtendingTests
{
    [Fact]
    public void DelegateFiltersWithDefaultsAndKeywords()
    {
        var env = new JinjaEnvironment();
        env.Filters["shout"] = (string s, int times = 1, string suffix = "!") => string.Concat(Enumerable.Repeat(s.ToUpperInvariant(), times)) + suffix;
        Assert.Equal("HI! HIHI? HI.", env.FromString("{{ 'hi'|shout }} {{ 'hi'|shout(2, '?') }} {{ 'hi'|shout(suffix='.') }}").Render());
    }

    [Fact]
    public void SnakeCaseKeywordsMapToCamelCaseParameters()
    {
        var env = new JinjaEnvironment();
        env.Filters["pad"] = (string s, int totalWidth = 0) => s.PadLeft(totalWidth);
        Assert.Equal("  x", env.FromString("{{ 'x'|pad(total_width=3) }}").Render());
    }

    [Fact]
    public void ParamsAndKwargsCollectExtras()
    {
        var env = new JinjaEnvironment();
        Delegate f = (IDictionary<string, object?> kwargs, params object?[] rest) => rest.Length + ":" + string.Join(",", kwargs.Keys);
        env.Globals["f"] = f;
        env.Filters["count_args"] = (object? value, params object?[] rest) => rest.Length;
        Assert.Equal("2 3 2:a,b", env.FromString("{{ 'x'|count_args(1, 2) }} {{ 1|count_args(1, 2, 3) }} {{ f(1, 2, a=1, b=2) }}").Render());
    }

    [Fact]
    public void InjectedEvalContextSeesAutoescape()
    {
        var env = new JinjaEnvironment();
        env.Filters["mode"] = (EvalContext ctx, object? v) => ctx.Autoescape ? "on" : "off";
        Assert.Equal("off on", env.FromString("{{ 1|mode }} {% autoescape true %}{{ 1|mode }}{% endautoescape %}").Render());
    }

    [Fact]
    public void TestsAndGlobals()
    {
        var env = new JinjaEnvironment();
        env.Tests["positive"] = (double x) => x > 0;
        env.Globals["greet"] = (Func<string, string>)(name => "hello " + name);
        env.Globals["site"] = "Flagon";
        Assert.Equal("True False hello ann Flagon", env.FromString("{{ 1 is positive }} {{ -1 is positive }} {{ greet('ann') }} {{ site }}").Render());
    }

    [Fact]
    public void WrongArgumentsAreTypeErrors()
    {
        var env = new JinjaEnvironment();
        env.Filters["one"] = (object? v) => v;
        Assert.Equal("TypeError", Assert.Throws<PythonError>(() => env.FromString("{{ 1|one(2) }}").Render()).Kind);
        Assert.Equal("TypeError", Assert.Throws<PythonError>(() => env.FromString("{{ 1|one(x=2) }}").Render()).Kind);
    }

    [Fact]
    public void RawFunctionsGetJinjaArguments()
    {
        var env = new JinjaEnvironment();
        env.Filters.Add("raw", JinjaFunction.Raw("raw", (ctx, args, kwargs) => args.Length + "/" + (kwargs?.Count ?? 0)));
        Assert.Equal("2/1", env.FromString("{{ 1|raw(2, k=3) }}").Render());
    }
}
