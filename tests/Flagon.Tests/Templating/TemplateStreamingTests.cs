using Flagon.Signals;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests.Templating;

/// <summary>StreamTemplate: the body is rendered while it is sent, with the request context available.</summary>
public class TemplateStreamingTests
{
    [Fact]
    public async Task StreamedOutputEqualsTheRenderedOutput()
    {
        using var folder = new TemplateFolder().Write("list.html", "{% for i in range(n) %}<li>{{ i }} {{ request.args.get('tag') }} ☃ 😀</li>{% endfor %}");
        folder.App.Get("/render", () => RenderTemplate("list.html", new { n = 3000 }), endpoint: "render");
        folder.App.Get("/stream", () => StreamTemplate("list.html", new { n = 3000 }), endpoint: "stream");
        using var client = folder.App.TestClient();
        var rendered = await client.GetAsync("/render?tag=%3Cx%3E");
        var streamed = await client.GetAsync("/stream?tag=%3Cx%3E");
        Assert.Equal(200, streamed.StatusCode);
        Assert.Equal("text/html", streamed.MimeType);
        Assert.Null(streamed.Header("Content-Length"));
        Assert.True(rendered.Text.Length > 3 * Flagon.Templating.FlagonTemplating.StreamChunkSize);
        Assert.Equal(rendered.Text, streamed.Text);
        Assert.Contains("&lt;x&gt;", streamed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstChunkIsSentBeforeTheRenderFinishes()
    {
        using var folder = new TemplateFolder().Write("slow.html", "{{ head }}{{ wait() }}tail");
        var firstChunkRead = new SemaphoreSlim(0);
        var head = new string('a', Flagon.Templating.FlagonTemplating.StreamChunkSize * 2);
        folder.App.Get("/", () => StreamTemplate("slow.html", new
        {
            head,
            wait = (Func<string>)(() => firstChunkRead.Wait(TimeSpan.FromSeconds(30)) ? "" : "timed out "),
        }), endpoint: "index");
        using var client = folder.App.TestClient();
        using var response = await client.HttpClient.GetAsync("/", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1024];
        var read = await body.ReadAsync(buffer);
        Assert.True(read > 0);
        Assert.Equal((byte)'a', buffer[0]);
        firstChunkRead.Release();
        using var reader = new StreamReader(body);
        var rest = await reader.ReadToEndAsync();
        Assert.EndsWith(new string('a', 10) + "tail", rest, StringComparison.Ordinal);
        Assert.Equal(head.Length + "tail".Length, read + rest.Length);
    }

    [Fact]
    public async Task StreamingFiresTheRenderedEventAfterTheBody()
    {
        using var folder = new TemplateFolder().Write("page.html", "{{ x }}");
        var events = new List<string>();
        using var before = FlagonSignals.BeforeRenderTemplate.Connect((_, e) => events.Add("before"), folder.App);
        using var rendered = FlagonSignals.TemplateRendered.Connect((_, e) => events.Add("rendered"), folder.App);
        folder.App.Get("/", () => StreamTemplate("page.html", new { x = "streamed" }), endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal("streamed", (await client.GetAsync("/")).Text);
        Assert.Equal(["before", "rendered"], events);
    }

    [Fact]
    public async Task AMissingStreamedTemplateIsAnOrdinaryError()
    {
        using var folder = new TemplateFolder();
        folder.App.Get("/", () => StreamTemplate("missing.html"), endpoint: "index");
        using var client = folder.App.TestClient();
        Assert.Equal(500, (await client.GetAsync("/")).StatusCode);
    }
}
