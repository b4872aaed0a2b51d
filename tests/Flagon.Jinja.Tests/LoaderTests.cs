using Flagon.Jinja.Loaders;

namespace Flagon.Jinja.Tests;

public sealed class LoaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "flagon-jinja-" + Guid.NewGuid().ToString("N"));

    public LoaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void FileSystemLoaderSearchesPathsInOrder()
    {
        Write("a/page.html", "A");
        Write("b/page.html", "B");
        Write("b/only.html", "only-b");
        var env = new JinjaEnvironment { Loader = new FileSystemLoader(Path.Combine(_dir, "a"), Path.Combine(_dir, "b")) };
        Assert.Equal("A", env.GetTemplate("page.html").Render());
        Assert.Equal("only-b", env.GetTemplate("only.html").Render());
        Assert.Throws<TemplateNotFound>(() => env.GetTemplate("../a/page.html"));
    }

    [Fact]
    public void FileSystemLoaderReloadsChangedFiles()
    {
        string path = Write("t.html", "one");
        var env = new JinjaEnvironment { Loader = new FileSystemLoader(_dir) };
        var first = env.GetTemplate("t.html");
        Assert.Same(first, env.GetTemplate("t.html"));
        File.WriteAllText(path, "two!");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("two!", env.GetTemplate("t.html").Render());
    }

    [Fact]
    public void AutoReloadOffKeepsTheCachedTemplate()
    {
        string path = Write("t.html", "one");
        var env = new JinjaEnvironment { Loader = new FileSystemLoader(_dir), AutoReload = false };
        Assert.Equal("one", env.GetTemplate("t.html").Render());
        File.WriteAllText(path, "two!");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("one", env.GetTemplate("t.html").Render());
    }

    [Fact]
    public void FunctionPrefixAndChoiceLoaders()
    {
        var env = new JinjaEnvironment
        {
            Loader = new ChoiceLoader(
                new PrefixLoader(new Dictionary<string, ITemplateLoader>
                {
                    ["app"] = new DictLoader(new Dictionary<string, string> { ["x"] = "app-x" }),
                }),
                new FunctionLoader(name => name == "fn" ? "from-function" : null)),
        };
        Assert.Equal("app-x", env.GetTemplate("app/x").Render());
        Assert.Equal("from-function", env.GetTemplate("fn").Render());
        Assert.Throws<TemplateNotFound>(() => env.GetTemplate("other"));
    }

    [Fact]
    public void SelectTemplateTakesTheFirstThatExists()
    {
        var env = TestUtil.Env(new() { ["b"] = "B" });
        Assert.Equal("B", env.SelectTemplate(["a", "b"]).Render());
    }

    [Fact]
    public void EmbeddedResourceLoaderMissesUnknownNames()
    {
        var env = new JinjaEnvironment { Loader = new EmbeddedResourceLoader(typeof(LoaderTests).Assembly, "Nope") };
        Assert.Throws<TemplateNotFound>(() => env.GetTemplate("x.html"));
    }

    [Fact]
    public void FileTemplatesKeepTheirFileName()
    {
        string path = Write("f.html", "{{ 1 + }}");
        var env = new JinjaEnvironment { Loader = new FileSystemLoader(_dir) };
        var e = Assert.Throws<TemplateSyntaxError>(() => env.GetTemplate("f.html"));
        Assert.Equal(Path.GetFullPath(path), e.FileName);
    }
}
