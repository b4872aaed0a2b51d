using System.Text;
using Flagon.Jinja.Cli;

namespace Flagon.Jinja.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "flagon-cli-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private (int Code, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void RendersWithJsonDataByteExact()
    {
        string t = Write("t.html", "{% for x in xs %}{{ x }} {% endfor %}{{ big + 1 }} {{ f }} {{ d }}\n");
        string data = Write("d.json", """{"xs": [1, "é"], "big": 99999999999999999999, "f": 1.0, "d": {"z": 1, "a": 2}}""");
        var (code, stdout, stderr) = Run("", "render", t, "--data", data);
        Assert.Equal(0, code);
        Assert.Equal("1 é 100000000000000000000 1.0 {'z': 1, 'a': 2}", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void ReadsDataFromStdin()
    {
        string t = Write("t.html", "{{ name }}");
        Assert.Equal("bob", Run("""{"name": "bob"}""", "render", t, "--data", "-").Stdout);
    }

    [Fact]
    public void SearchPathsAndOptions()
    {
        Write("base.html", "<{% block b %}{% endblock %}>");
        Write("page.html", "{% extends 'base.html' %}{% block b %}{{ x }}{% endblock %}");
        var (code, stdout, _) = Run("""{"x": "<&>"}""", "render", "page.html", "--search-path", _dir, "--data", "-", "--autoescape");
        Assert.Equal(0, code);
        Assert.Equal("<&lt;&amp;&gt;>", stdout);
    }

    [Fact]
    public void TemplateErrorExitsOneWithKindAndLocation()
    {
        string t = Write("bad.html", "ok\n{{ missing.attr }}");
        var (code, stdout, stderr) = Run("", "render", t);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n');
        Assert.Equal("UndefinedError: 'missing' is undefined", lines[0]);
        Assert.Contains("bad.html", lines[1]);
        Assert.Contains("line 2", lines[1]);
    }

    [Fact]
    public void StrictUndefinedAndExtensionsOptions()
    {
        string t = Write("s.html", "{{ nope }}");
        Assert.Equal(1, Run("", "render", t, "--undefined", "strict").Code);
        string l = Write("l.html", "{% for i in [1, 2] %}{{ i }}{% break %}{% endfor %}");
        Assert.Equal("1", Run("", "render", l, "--extension", "loopcontrols").Stdout);
        Assert.StartsWith("TemplateSyntaxError: Encountered unknown tag 'break'", Run("", "render", l).Stderr);
    }

    [Theory]
    [InlineData("render")]
    [InlineData("render", "x.html", "--bogus")]
    [InlineData("render", "x.html", "--undefined", "weird")]
    [InlineData("frobnicate")]
    public void BadArgumentsExitTwo(params string[] args) => Assert.Equal(2, Run("", args).Code);

    [Fact]
    public void UnreadableOrInvalidDataExitsTwo()
    {
        string t = Write("t.html", "x");
        Assert.Equal(2, Run("", "render", t, "--data", Path.Combine(_dir, "nope.json")).Code);
        Assert.Equal(2, Run("{not json", "render", t, "--data", "-").Code);
        Assert.Equal(2, Run("[1]", "render", t, "--data", "-").Code);
    }

    [Fact]
    public void MissingTemplateIsTemplateNotFound()
    {
        var (code, _, stderr) = Run("", "render", Path.Combine(_dir, "nope.html"));
        Assert.Equal(1, code);
        Assert.StartsWith("TemplateNotFound: nope.html", stderr);
    }
}
