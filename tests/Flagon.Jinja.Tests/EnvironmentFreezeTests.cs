using Flagon.Jinja.Loaders;

namespace Flagon.Jinja.Tests;

/// <summary>A <see cref="JinjaEnvironment"/> is configured first, then frozen by its first template.</summary>
public sealed class EnvironmentFreezeTests
{
    public static IEnumerable<object[]> Options() =>
    [
        ["Autoescape", (Action<JinjaEnvironment>)(e => e.Autoescape = true)],
        ["AutoescapeSelector", (Action<JinjaEnvironment>)(e => e.AutoescapeSelector = _ => true)],
        ["TrimBlocks", (Action<JinjaEnvironment>)(e => e.TrimBlocks = true)],
        ["LstripBlocks", (Action<JinjaEnvironment>)(e => e.LstripBlocks = true)],
        ["KeepTrailingNewline", (Action<JinjaEnvironment>)(e => e.KeepTrailingNewline = true)],
        ["NewlineSequence", (Action<JinjaEnvironment>)(e => e.NewlineSequence = "\r\n")],
        ["BlockStartString", (Action<JinjaEnvironment>)(e => e.BlockStartString = "<%")],
        ["VariableEndString", (Action<JinjaEnvironment>)(e => e.VariableEndString = "]]")],
        ["CommentStartString", (Action<JinjaEnvironment>)(e => e.CommentStartString = "<#")],
        ["LineStatementPrefix", (Action<JinjaEnvironment>)(e => e.LineStatementPrefix = "#")],
        ["LineCommentPrefix", (Action<JinjaEnvironment>)(e => e.LineCommentPrefix = "##")],
        ["Undefined", (Action<JinjaEnvironment>)(e => e.Undefined = UndefinedKind.Strict)],
        ["Extensions", (Action<JinjaEnvironment>)(e => e.Extensions = JinjaExtensions.Do)],
        ["Random", (Action<JinjaEnvironment>)(e => e.Random = new Random(1))],
        ["Filters", (Action<JinjaEnvironment>)(e => e.Filters["shout"] = (string s) => s + "!")],
        ["Filters", (Action<JinjaEnvironment>)(e => e.Filters.Remove("upper"))],
        ["Tests", (Action<JinjaEnvironment>)(e => e.Tests.Add("big", (long n) => n > 100))],
        ["Globals", (Action<JinjaEnvironment>)(e => e.Globals["site"] = "x")],
        ["Globals", (Action<JinjaEnvironment>)(e => e.Globals.Remove("range"))],
        ["Policies", (Action<JinjaEnvironment>)(e => e.Policies["urlize.rel"] = null)],
    ];

    [Theory]
    [MemberData(nameof(Options))]
    public void SettingAfterFromStringThrows(string option, Action<JinjaEnvironment> set)
    {
        var env = new JinjaEnvironment();
        Assert.False(env.IsFrozen);
        env.FromString("{{ 1 }}");
        Assert.True(env.IsFrozen);
        var error = Assert.Throws<InvalidOperationException>(() => set(env));
        Assert.Contains("JinjaEnvironment." + option, error.Message);
        Assert.Contains("before its first GetTemplate/FromString", error.Message);
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void SettingBeforeFirstUseWorks(string option, Action<JinjaEnvironment> set)
    {
        var env = new JinjaEnvironment();
        set(env);
        Assert.False(env.IsFrozen, option);
    }

    [Fact]
    public void GetTemplateFreezesEvenWhenTheTemplateIsMissing()
    {
        var env = new JinjaEnvironment { Loader = new DictLoader(new Dictionary<string, string>()) };
        Assert.Throws<TemplateNotFound>(() => env.GetTemplate("nope"));
        Assert.Throws<InvalidOperationException>(() => env.TrimBlocks = true);
    }

    [Fact]
    public void FailedCompilationFreezesToo()
    {
        var env = new JinjaEnvironment();
        Assert.Throws<TemplateSyntaxError>(() => env.FromString("{% if %}"));
        Assert.Throws<InvalidOperationException>(() => env.Globals["x"] = 1);
    }

    [Fact]
    public void LoaderAndAutoReloadStayMutableAsInJinja2()
    {
        var env = new JinjaEnvironment { Loader = new DictLoader(new Dictionary<string, string> { ["a"] = "A" }) };
        Assert.Equal("A", env.GetTemplate("a").Render());
        env.AutoReload = false;
        env.Loader = new DictLoader(new Dictionary<string, string> { ["b"] = "B" });
        Assert.Equal("B", env.GetTemplate("b").Render());
    }

    [Fact]
    public void ReadingStaysPossibleAfterFreezing()
    {
        var env = new JinjaEnvironment();
        env.Globals["site"] = "S";
        Assert.Equal("S", env.FromString("{{ site }}").Render());
        Assert.Equal("S", env.Globals["site"]);
        Assert.True(env.Filters.Contains("upper"));
        Assert.Equal("noopener", env.Policies["urlize.rel"]);
    }
}
