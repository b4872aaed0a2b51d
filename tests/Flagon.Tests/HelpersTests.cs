using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>Redirect, SendFile, SendFromDirectory (safe join), cookies and AfterThisRequest.</summary>
public class HelpersTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flagon-helpers-" + Guid.NewGuid().ToString("N"));

    public HelpersTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "static", "css"));
        Directory.CreateDirectory(Path.Combine(_root, "files"));
        File.WriteAllText(Path.Combine(_root, "static", "css", "site.css"), "body { color: red; }");
        File.WriteAllText(Path.Combine(_root, "files", "report.txt"), "0123456789");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "top secret");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task RedirectDefaultsTo302()
    {
        var app = TestApps.New();
        app.Get("/", () => Redirect("/there"), endpoint: "i");
        app.Get("/there", () => "arrived", endpoint: "there");
        using var client = app.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(302, response.StatusCode);
        Assert.Equal("/there", response.Location);
        var followed = await client.GetAsync("/", followRedirects: true);
        Assert.Equal("arrived", followed.Text);
        Assert.Single(followed.History);
    }

    [Fact]
    public async Task StaticFilesAreServedFromTheStaticFolder()
    {
        var app = TestApps.New(rootPath: _root);
        using var client = app.TestClient();
        var response = await client.GetAsync("/static/css/site.css");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("body { color: red; }", response.Text);
        Assert.Equal("text/css; charset=utf-8", response.ContentType);
        Assert.Equal("no-cache", response.Header("Cache-Control"));
        Assert.NotNull(response.Header("ETag"));
        Assert.Equal(404, (await client.GetAsync("/static/missing.css")).StatusCode);
    }

    [Theory]
    [InlineData("/files/../secret.txt")]
    [InlineData("/files/..%2Fsecret.txt")]
    [InlineData("/files/%2E%2E/secret.txt")]
    [InlineData("/files/..\\secret.txt")]
    [InlineData("/files//etc/passwd")]
    public async Task TraversalIsA404(string path)
    {
        var app = TestApps.New(rootPath: _root);
        app.Get("/files/<path:name>", (string name) => SendFromDirectory("files", name), endpoint: "files");
        using var client = app.TestClient();
        var response = await client.GetAsync(path);
        Assert.NotEqual(200, response.StatusCode);
        Assert.DoesNotContain("top secret", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendFileSupportsAttachmentsConditionalsAndRanges()
    {
        var app = TestApps.New(rootPath: _root);
        app.Get("/dl", () => SendFile("files/report.txt", asAttachment: true, downloadName: "rapport é.txt"), endpoint: "dl");
        app.Get("/files/<path:name>", (string name) => SendFromDirectory("files", name, maxAge: 60), endpoint: "files");
        using var client = app.TestClient();
        var dl = await client.GetAsync("/dl");
        Assert.Equal("attachment; filename=\"rapport e.txt\"; filename*=UTF-8''rapport%20%C3%A9.txt", dl.Header("Content-Disposition"));
        var full = await client.GetAsync("/files/report.txt");
        Assert.Equal("public, max-age=60", full.Header("Cache-Control"));
        var etag = full.Header("ETag")!;
        var notModified = await client.GetAsync("/files/report.txt", headers: new Dictionary<string, string> { ["If-None-Match"] = etag });
        Assert.Equal(304, notModified.StatusCode);
        var range = await client.GetAsync("/files/report.txt", headers: new Dictionary<string, string> { ["Range"] = "bytes=2-4" });
        Assert.Equal(206, range.StatusCode);
        Assert.Equal("234", range.Text);
    }

    [Fact]
    public async Task CookiesAreSetAndDeleted()
    {
        var app = TestApps.New();
        app.Get("/set", () =>
        {
            var response = MakeResponse("set");
            response.SetCookie("flavor", "oatmeal", maxAge: 3600, httpOnly: true, sameSite: "Lax");
            return response;
        }, endpoint: "set");
        app.Get("/read", () => Request.Cookies.Get("flavor", "none")!, endpoint: "read");
        app.Get("/delete", () =>
        {
            var response = MakeResponse("deleted");
            response.DeleteCookie("flavor");
            return response;
        }, endpoint: "delete");
        using var client = app.TestClient();
        var set = await client.GetAsync("/set");
        var header = set.Headers["Set-Cookie"].Single();
        Assert.StartsWith("flavor=oatmeal; Expires=", header, StringComparison.Ordinal);
        Assert.EndsWith("; Max-Age=3600; HttpOnly; Path=/; SameSite=Lax", header, StringComparison.Ordinal);
        Assert.Equal("oatmeal", (await client.GetAsync("/read")).Text);
        var deleted = await client.GetAsync("/delete");
        Assert.Equal("flavor=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/", deleted.Headers["Set-Cookie"].Single());
        Assert.Equal("none", (await client.GetAsync("/read")).Text);
    }

    [Fact]
    public async Task AfterThisRequestRunsOnlyForThatRequest()
    {
        var app = TestApps.New();
        app.Get("/a", () =>
        {
            AfterThisRequest(r =>
            {
                r.Headers["X-Once"] = "1";
                return r;
            });
            return "a";
        }, endpoint: "a");
        app.Get("/b", () => "b", endpoint: "b");
        using var client = app.TestClient();
        Assert.Equal("1", (await client.GetAsync("/a")).Header("X-Once"));
        Assert.Null((await client.GetAsync("/b")).Header("X-Once"));
    }

    [Fact]
    public void SafeJoinRejectsEscapes()
    {
        Assert.Null(Helpers.SafeJoin("/srv", "../etc/passwd"));
        Assert.Null(Helpers.SafeJoin("/srv", "/etc/passwd"));
        Assert.Null(Helpers.SafeJoin("/srv", "a/../../b"));
        Assert.Null(Helpers.SafeJoin("/srv", "a\\b"));
        Assert.Equal("/srv/a/c", Helpers.SafeJoin("/srv", "a/b/../c"));
        Assert.Equal("/srv/x", Helpers.SafeJoin("/srv", "./x"));
    }
}
