using Flagon.Signals;
using Flagon.Templating;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Templating;

/// <summary>Flask's template context: request, session, g, config, url_for, get_flashed_messages, context processors, filters, tests, globals, events.</summary>
public class TemplateContextTests
{
    private sealed record User(string Username, int LoginCount);

    [Fact]
    public async Task RequestAttributesReadAsInFlaskTemplates()
    {
        using var folder = new TemplateFolder();
        folder.App.Get("/search", () => RenderTemplateString(
            "{{ request.path }}|{{ request.method }}|{{ request.args.get('q') }}|{{ request.args['q'] }}|{{ request.args.q }}|{{ request.args.get('none', 'dflt') }}|{{ request.args.getlist('t')|join(',') }}|{{ request.full_path }}|{{ request.endpoint }}|{{ request.headers['X-Test'] }}|{{ 'q' in request.args }}"),
            endpoint: "search");
        using var client = folder.App.TestClient();
        var response = await client.GetAsync("/search?q=a%3Cb&t=1&t=2", headers: new Dictionary<string, string> { ["X-Test"] = "yes" });
        Assert.Equal("/search|GET|a&lt;b|a&lt;b|a&lt;b|dflt|1,2|/search?q=a%3Cb&amp;t=1&amp;t=2|search|yes|True", response.Text);
    }

    [Fact]
    public async Task SessionGAndConfigReadAsInFlaskTemplates()
    {
        using var folder = new TemplateFolder();
        folder.App.SecretKey = "dev";
        folder.App.Config["SITE_NAME"] = "Flagon";
        folder.App.BeforeRequest(() =>
        {
            G["user"] = new User("ann", 3);
        });
        folder.App.Get("/login", () =>
        {
            Session["user_id"] = 7;
            return "ok";
        }, endpoint: "login");
        folder.App.Get("/", () => RenderTemplateString(
            "{{ session.user_id }}|{{ session['user_id'] }}|{{ session.get('missing', 'none') }}|{{ 'user_id' in session }}|{{ g.user.username }}|{{ g.user.login_count }}|{{ g.get('nothing', 0) }}|{{ config['SITE_NAME'] }}|{{ config.DEBUG }}|{{ config.get('NOPE') }}"),
            endpoint: "index");
        using var client = folder.App.TestClient();
        await client.GetAsync("/login");
        var response = await client.GetAsync("/");
        Assert.Equal("7|7|none|True|ann|3|0|Flagon|False|None", response.Text);
        Assert.Contains("Cookie", response.Header("Vary") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingViewsIterateLikePythonDicts()
    {
        using var folder = new TemplateFolder();
        folder.App.Get("/", () => RenderTemplateString(
            "{% for k, v in request.args.items() %}{{ k }}={{ v }};{% endfor %}|{{ request.args.keys()|join(',') }}|{{ request.args.values()|join(',') }}|{% for k in request.args %}{{ k }}{% endfor %}|{{ request.args|length }}"),
            endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("a=1;b=2;|a,b|1,2|ab|2", (await client.GetAsync("/?a=1&b=2&a=3")).Text);
    }

    [Fact]
    public async Task UrlForTakesKeywordArguments()
    {
        using var folder = new TemplateFolder();
        folder.App.Get("/items/<int:id>", (int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture), endpoint: "show");
        folder.App.Get("/", () => RenderTemplateString(
            "{{ url_for('show', id=3) }} {{ url_for('show', id=3, _external=True) }} {{ url_for('show', id=4, q='x y', _anchor='top') }} {{ url_for('static', filename='app.css') }}"),
            endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("/items/3 http://localhost/items/3 /items/4?q=x+y#top /static/app.css", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task GetFlashedMessagesWithCategoriesAndFilters()
    {
        using var folder = new TemplateFolder();
        folder.App.SecretKey = "dev";
        folder.App.Get("/flash", () =>
        {
            Flash("saved");
            Flash("<bad>", "error");
            return "ok";
        }, endpoint: "flash");
        folder.App.Get("/", () => RenderTemplateString(
            "{{ get_flashed_messages()|join(',') }}|{{ get_flashed_messages(category_filter=['error'])|join(',') }}|{% for category, message in get_flashed_messages(with_categories=true) %}{{ category }}={{ message }};{% endfor %}|{{ get_flashed_messages(true, ['message']) }}"),
            endpoint: "index");
        using var client = folder.App.TestClient();
        await client.GetAsync("/flash");
        Assert.Equal("saved,&lt;bad&gt;|&lt;bad&gt;|message=saved;error=&lt;bad&gt;;|[(&#39;message&#39;, &#39;saved&#39;)]", (await client.GetAsync("/")).Text);
        Assert.Equal("|||[]", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task ContextProcessorsMergeAndTheCallersValuesWin()
    {
        using var folder = new TemplateFolder().Write("page.html", "{{ site }} {{ twice(21) }} {{ who }} {{ year }}");
        folder.App.ContextProcessor(() => new { site = "Flagon", who = "processor", twice = (Func<long, long>)(x => x * 2) });
        folder.App.ContextProcessor(() => new Dictionary<string, object?> { ["year"] = 2026, ["site"] = "Flagon 2" });
        folder.App.Get("/", () => RenderTemplate("page.html"), endpoint: "index");
        folder.App.Get("/override", () => RenderTemplate("page.html", new { who = "caller" }), endpoint: "override");
        using var client = folder.App.TestClient();
        Assert.Equal("Flagon 2 42 processor 2026", (await client.GetAsync("/")).Text);
        Assert.Equal("Flagon 2 42 caller 2026", (await client.GetAsync("/override")).Text);
    }

    [Fact]
    public async Task RegisteredFiltersTestsAndGlobals()
    {
        using var folder = new TemplateFolder().Write("page.html", "{{ 'hello world'|reverse_words }} {{ 'ab' is even_length }} {{ 'abc' is even_length }} {{ answer }} {{ greet('ann') }}{% import 'macros.html' as m %} {{ m.show() }}");
        folder.Write("macros.html", "{% macro show() %}{{ answer }}/{{ config['TESTING'] }}{% endmacro %}");
        folder.App.TemplateFilter("reverse_words", (string s) => string.Join(' ', s.Split(' ').Reverse()));
        folder.App.TemplateTest("even_length", (string s) => s.Length % 2 == 0);
        folder.App.TemplateGlobal("answer", 42);
        folder.App.TemplateGlobal("greet", (Func<string, string>)(name => "<hi> " + name));
        folder.App.Get("/", () => RenderTemplate("page.html"), endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("world hello True False 42 &lt;hi&gt; ann 42/False", (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task TemplateEventsFireOnceEachInOrderWithTheContext()
    {
        using var folder = new TemplateFolder().Write("page.html", "{{ x }}");
        var seen = new List<string>();
        using var before = FlagonSignals.BeforeRenderTemplate.Connect(
            (sender, e) =>
            {
                Assert.Same(folder.App, sender);
                seen.Add($"before {e.Template.Name} {e.Context["x"]} {e.Context.ContainsKey("request")}");
                e.Context["x"] = "changed";
            },
            folder.App);
        using var rendered = FlagonSignals.TemplateRendered.Connect((_, e) => seen.Add($"rendered {e.Template.Name} {e.Context["x"]}"), folder.App);
        folder.App.Get("/", () => RenderTemplate("page.html", new { x = "orig" }), endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("changed", (await client.GetAsync("/")).Text);
        Assert.Equal(["before page.html orig True", "rendered page.html changed"], seen);
    }

    [Fact]
    public async Task TheContextIsTheSameWhetherOrNotTemplateEventsAreListenedTo()
    {
        // Without listeners the engine reads the entries straight from their sources; with one, from the built dictionary.
        using var folder = new TemplateFolder().Write("page.html", "{{ site }} {{ who }} {{ n }} {{ extra }} {{ request.path }} {{ g is defined }} {{ session is defined }}");
        folder.App.ContextProcessor(() => new System.Collections.SortedList { ["site"] = "Flagon", ["n"] = 1 });
        folder.App.ContextProcessor(() => new { who = "processor", extra = "kept" });
        folder.App.Get("/dict", () => RenderTemplate("page.html", new Dictionary<string, object?> { ["who"] = "caller", ["n"] = 2 }), endpoint: "dict");
        folder.App.Get("/object", () => RenderTemplate("page.html", new { who = "object" }), endpoint: "object");
        using var client = folder.App.TestClient();
        string[] quiet = [(await client.GetAsync("/dict")).Text ?? string.Empty, (await client.GetAsync("/object")).Text ?? string.Empty];
        Assert.Equal(["Flagon caller 2 kept /dict True True", "Flagon object 1 kept /object True True"], quiet);

        var seen = new List<string>();
        using var rendered = FlagonSignals.TemplateRendered.Connect((_, e) => seen.Add(string.Join(',', e.Context.Keys)), folder.App);
        string[] listened = [(await client.GetAsync("/dict")).Text ?? string.Empty, (await client.GetAsync("/object")).Text ?? string.Empty];
        Assert.Equal(quiet, listened);
        Assert.Equal(["g,request,session,n,site,who,extra", "g,request,session,n,site,who,extra"], seen);
    }

    [Fact]
    public void SetupMethodsRefuseAfterTheFirstRequest()
    {
        using var folder = new TemplateFolder();
        folder.App.Get("/", () => "x", endpoint: "index");
        using var client = folder.App.TestClient();
        client.Get("/");
        Assert.Throws<InvalidOperationException>(() => folder.App.ContextProcessor(() => null));
        Assert.Throws<InvalidOperationException>(() => folder.App.TemplateFilter("f", (string s) => s));
    }

    [Fact]
    public void TheLoaderChainKeepsAppTemplatesFirst()
    {
        using var folder = new TemplateFolder().Write("shared.html", "app");
        var chain = Assert.IsType<TemplateLoaderChain>(folder.App.JinjaEnvironment.Loader);
        chain.Add(new Flagon.Jinja.Loaders.DictLoader(new Dictionary<string, string> { ["shared.html"] = "blueprint", ["only.html"] = "blueprint only" }));
        using (folder.App.AppContext())
        {
            Assert.Equal("app", RenderTemplate("shared.html"));
            Assert.Equal("blueprint only", RenderTemplate("only.html"));
        }
    }
}
