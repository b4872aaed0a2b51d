using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Templating;

/// <summary>RenderTemplate and RenderTemplateString: context, inheritance, folders, autoescape by extension, auto-reload.</summary>
public class TemplateRenderingTests
{
    [Fact]
    public async Task RendersWithAnObjectOrDictionaryContext()
    {
        using var folder = new TemplateFolder().Write("hello.html", "Hello {{ name }}, {{ count + 1 }}!");
        folder.App.Get("/object", () => RenderTemplate("hello.html", new { name = "Ann", count = 41 }), endpoint: "object");
        folder.App.Get("/dict", () => RenderTemplate("hello.html", new Dictionary<string, object?> { ["name"] = "Bob", ["count"] = 1 }), endpoint: "dict");
        using var client = folder.App.TestClient();
        var response = await client.GetAsync("/object");
        Assert.Equal("Hello Ann, 42!", response.Text);
        Assert.Equal("text/html", response.MimeType);
        Assert.Equal("Hello Bob, 2!", (await client.GetAsync("/dict")).Text);
    }

    [Fact]
    public async Task TemplatesInheritAndIncludeFromTheTemplatesFolder()
    {
        using var folder = new TemplateFolder()
            .Write("base.html", "<title>{% block title %}Base{% endblock %}</title>{% include 'parts/nav.html' %}<main>{% block body %}{% endblock %}</main>")
            .Write("parts/nav.html", "<nav>{{ user }}</nav>")
            .Write("pages/child.html", "{% extends 'base.html' %}{% block title %}Child - {{ super() }}{% endblock %}{% block body %}Hi {{ user }}{% endblock %}");
        folder.App.Get("/", () => RenderTemplate("pages/child.html", new { user = "ann" }), endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("<title>Child - Base</title><nav>ann</nav><main>Hi ann</main>", (await client.GetAsync("/")).Text);
    }

    [Theory]
    [InlineData("page.html", true)]
    [InlineData("page.htm", true)]
    [InlineData("page.xml", true)]
    [InlineData("page.xhtml", true)]
    [InlineData("page.svg", true)]
    [InlineData("page.txt", false)]
    [InlineData("page.js", false)]
    public async Task AutoescapeDependsOnTheExtension(string name, bool escaped)
    {
        using var folder = new TemplateFolder().Write(name, "{{ value }}|{{ value|safe }}");
        folder.App.Get("/", () => RenderTemplate(name, new { value = "<b>&</b>" }), endpoint: "index");
        using var client = folder.App.TestClient();
        var expected = (escaped ? "&lt;b&gt;&amp;&lt;/b&gt;" : "<b>&</b>") + "|<b>&</b>";
        Assert.Equal(expected, (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task RenderTemplateStringIsAutoescapedAndSeesTheAppsTemplates()
    {
        using var folder = new TemplateFolder().Write("macros.html", "{% macro em(x) %}<em>{{ x }}</em>{% endmacro %}");
        folder.App.Get("/", () => RenderTemplateString("{% from 'macros.html' import em %}{{ em(value) }} {{ value }}", new { value = "<i>" }), endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("<em>&lt;i&gt;</em> &lt;i&gt;", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task ATemplateListRendersTheFirstThatExists()
    {
        using var folder = new TemplateFolder().Write("fallback.html", "fallback {{ n }}");
        folder.App.Get("/", () => Flagon.Templating.FlagonTemplating.RenderTemplate(CurrentApp, ["missing.html", "fallback.html"], new { n = 1 }), endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("fallback 1", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task ViewsCanReturnARenderedTemplateWithAStatus()
    {
        using var folder = new TemplateFolder().Write("404.html", "gone: {{ request.path }}");
        folder.App.Get("/", () => (RenderTemplate("404.html"), 404), endpoint: "index");
        using var client = folder.App.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("gone: /", response.Text);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, null, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    public async Task TemplatesReloadInDebugOrWithTemplatesAutoReload(bool debug, bool? autoReload, bool reloads)
    {
        using var folder = new TemplateFolder().Write("page.html", "v1");
        folder.App.Debug = debug;
        folder.App.Config["TEMPLATES_AUTO_RELOAD"] = autoReload;
        folder.App.Get("/", () => RenderTemplate("page.html"), endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("v1", (await client.GetAsync("/")).Text);
        folder.Write("page.html", "version 2");
        Assert.Equal(reloads ? "version 2" : "v1", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public void RendersInsideAnAppContextWithoutARequest()
    {
        using var folder = new TemplateFolder().Write("mail.txt", "Dear {{ name }}, {{ config['SERVER_NAME'] }} {{ g.signature }}");
        folder.App.Config["SERVER_NAME"] = "example.org";
        folder.App.Get("/", () => "home", endpoint: "index");
        using (folder.App.AppContext())
        {
            G["signature"] = "-- the team";
            Assert.Equal("Dear <Ann>, example.org -- the team", RenderTemplate("mail.txt", new { name = "<Ann>" }));
            Assert.Equal("http://example.org/", RenderTemplateString("{{ url_for('index') }}"));
        }
    }
}
