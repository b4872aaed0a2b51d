using System.Text;
using Flagon.Jinja.Cli;

namespace Flagon.Jinja.Tests.Sandbox;

/// <summary><c>flagon-jinja render --sandbox</c> / <c>--immutable-sandbox</c>: refused accesses exit 1 with the message.</summary>
public sealed class SandboxCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "flagon-cli-sandbox-" + Guid.NewGuid().ToString("N"));

    public SandboxCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private (int Code, string Stdout, string Stderr) Run(string template, string data, params string[] options)
    {
        string path = Path.Combine(_dir, "t.txt");
        File.WriteAllText(path, template);
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        int code = CliApp.Run(["render", path, "--data", "-", .. options], new StringReader(data), stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public void SandboxRefusesWithSecurityErrorAndExitCodeOne()
    {
        var (code, stdout, stderr) = Run("{{ ''.__class__.__mro__ }}", "{}", "--sandbox");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("SecurityError: access to attribute '__class__' of 'str' object is unsafe.", stderr);
        Assert.Contains("line 1", stderr);
    }

    [Fact]
    public void WithoutTheFlagTheTemplateIsNotSandboxed()
    {
        var (code, _, stderr) = Run("{{ ''.__class__.__mro__ }}", "{}");
        Assert.Equal(1, code);
        Assert.StartsWith("UndefinedError:", stderr);
        Assert.Equal("100001", Run("{{ range(100001)|length }}", "{}").Stdout);
        Assert.StartsWith("OverflowError: Range too big. The sandbox blocks", Run("{{ range(100001)|length }}", "{}", "--sandbox").Stderr);
    }

    [Fact]
    public void ImmutableSandboxRefusesMutation()
    {
        Assert.Equal("None[1, 2]", Run("{{ xs.append(2) }}{{ xs }}", """{"xs": [1]}""", "--sandbox").Stdout);
        var (code, _, stderr) = Run("{{ xs.append(2) }}{{ xs }}", """{"xs": [1]}""", "--immutable-sandbox");
        Assert.Equal(1, code);
        Assert.StartsWith("SecurityError: access to attribute 'append' of 'list' object is unsafe.", stderr);
        Assert.Equal("Ann:1", Run("{{ u.name }}:{{ xs.index(2) }}", """{"u": {"name": "Ann"}, "xs": [1, 2]}""", "--immutable-sandbox", "--trim-blocks").Stdout);
    }

    [Fact]
    public void BothFlagsAreABadArgument() =>
        Assert.Equal(2, Run("x", "{}", "--sandbox", "--immutable-sandbox").Code);
}
