using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>The Request wrapper: args, form, files, JSON, data, cookies, headers, MultiDict access and the 400/413/415 rules.</summary>
public class RequestTests
{
    [Fact]
    public async Task ArgsAreAMultiDict()
    {
        var app = TestApps.New();
        app.Get("/", () => $"{Request.Args["a"]}|{string.Join(",", Request.Args.GetList("t"))}|{Request.Args.Get<int>("n")}|{Request.Args.Get<int>("bad", -1)}|{Request.Args.Get("missing", "dflt")}|{string.Join(",", Request.Args.GetList<int>("t"))}", endpoint: "i");
        using var client = app.TestClient();
        var response = await client.GetAsync("/?a=x+y&t=1&t=2&t=z&n=42&bad=abc");
        Assert.Equal("x y|1,2,z|42|-1|dflt|1,2", response.Text);
    }

    [Fact]
    public async Task AMissingKeyIsA400()
    {
        var app = TestApps.New();
        app.Get("/", () => Request.Args["nope"], endpoint: "i");
        app.Post("/form", () => Request.Form["nope"], endpoint: "form");
        using var client = app.TestClient();
        Assert.Equal(400, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(400, (await client.PostAsync("/form", form: new { a = "1" })).StatusCode);
    }

    [Fact]
    public async Task MalformedQueryStringsNeverFail()
    {
        var app = TestApps.New();
        app.Get("/", () => $"{Request.Args.Get("a")}|{Request.Args.Count}", endpoint: "i");
        using var client = app.TestClient();
        var response = await client.GetAsync("/?a=%zz%&&=&b");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("%zz%|2", response.Text);
    }

    [Fact]
    public async Task FormsFilesAndValues()
    {
        var app = TestApps.New();
        app.Post("/", () =>
        {
            var file = Request.Files["upload"];
            return $"{Request.Form["name"]}|{string.Join(",", Request.Form.GetList("tag"))}|{file.FileName}|{System.Text.Encoding.UTF8.GetString(file.Read())}|{file.MimeType}|{Request.Values["q"]}|{Request.Data.Length}";
        }, endpoint: "i");
        using var client = app.TestClient();
        var response = await client.PostAsync(
            "/?q=query",
            form: new Dictionary<string, object?> { ["name"] = "ann", ["tag"] = new[] { "a", "b" } },
            files: new Dictionary<string, TestFile> { ["upload"] = new("file body", "notes.txt", "text/plain") });
        Assert.Equal("ann|a,b|notes.txt|file body|text/plain|query|0", response.Text);
    }

    [Fact]
    public async Task JsonBodies()
    {
        var app = TestApps.New();
        app.Post("/", () =>
        {
            var json = (Dictionary<string, object?>)Request.Json!;
            return $"{json["name"]}|{((List<object?>)json["list"]!).Count}|{Request.IsJson}";
        }, endpoint: "i");
        app.Post("/typed", () => Request.GetJson<Payload>()!.Name.ToUpperInvariant(), endpoint: "typed");
        app.Post("/silent", () => Request.GetJson(silent: true) is null ? "none" : "some", endpoint: "silent");
        app.Post("/force", () => ((Dictionary<string, object?>)Request.GetJson(force: true)!)["a"]!.ToString()!, endpoint: "force");
        using var client = app.TestClient();
        Assert.Equal("ann|2|True", (await client.PostAsync("/", json: new { name = "ann", list = new[] { 1, 2 } })).Text);
        Assert.Equal("BOB", (await client.PostAsync("/typed", json: new { name = "bob" })).Text);
        Assert.Equal("none", (await client.PostAsync("/silent", data: "{bad", contentType: "application/json")).Text);
        Assert.Equal("1", (await client.PostAsync("/force", data: "{\"a\": 1}", contentType: "text/plain")).Text);
    }

    public sealed record Payload(string Name);

    [Fact]
    public async Task MalformedJsonIs400AndWrongContentTypeIs415()
    {
        var app = TestApps.New();
        app.Post("/", () => Request.Json?.ToString() ?? "null", endpoint: "i");
        using var client = app.TestClient();
        var bad = await client.PostAsync("/", data: "{\"a\": ", contentType: "application/json");
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("<title>400 Bad Request</title>", bad.Text, StringComparison.Ordinal);
        var wrongType = await client.PostAsync("/", data: "{}", contentType: "text/plain");
        Assert.Equal(415, wrongType.StatusCode);
        Assert.Contains("Did not attempt to load JSON data because the request Content-Type was not &#39;application/json&#39;.", wrongType.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedMultipartIs400()
    {
        var app = TestApps.New();
        app.Post("/", () => Request.Form.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), endpoint: "i");
        using var client = app.TestClient();
        var response = await client.PostAsync("/", data: "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", contentType: "multipart/form-data; boundary=xyz");
        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task MaxContentLengthGives413()
    {
        var app = TestApps.New();
        app.Config["MAX_CONTENT_LENGTH"] = 10;
        app.Post("/", () => $"{Request.GetData().Length}", endpoint: "i");
        app.Post("/ignore", () => "not read", endpoint: "ignore");
        using var client = app.TestClient();
        Assert.Equal("5", (await client.PostAsync("/", data: "small")).Text);
        var big = await client.PostAsync("/", data: new string('x', 100));
        Assert.Equal(413, big.StatusCode);
        Assert.Contains("Request Entity Too Large", big.Text, StringComparison.Ordinal);
        Assert.Equal("not read", (await client.PostAsync("/ignore", data: new string('x', 100))).Text);
    }

    [Fact]
    public async Task RawDataCookiesHeadersAndUrlParts()
    {
        var app = TestApps.New();
        app.Route("/r/<int:id>", (int id) => string.Join("|", Request.Method, Request.Path, Request.FullPath, Request.Url, Request.BaseUrl, Request.UrlRoot, Request.Endpoint, Request.ViewArgs!["id"], Request.Headers["X-Hello"].ToString(), Request.Cookies["c"], Request.GetDataAsText(), Request.Data.Length), ["PUT"], endpoint: "r");
        using var client = app.TestClient();
        client.SetCookie("c", "cookie-value");
        var response = await client.PutAsync("/r/7?x=1", data: "raw body", headers: new Dictionary<string, string> { ["X-Hello"] = "hi" }, contentType: "text/plain");
        Assert.Equal("PUT|/r/7|/r/7?x=1|http://localhost/r/7?x=1|http://localhost/r/7|http://localhost/|r|7|hi|cookie-value|raw body|8", response.Text);
    }

    [Fact]
    public void MultiDictKeepsOrderAndFirstValues()
    {
        var dict = new MultiDict<string>([new("b", "1"), new("a", "2"), new("b", "3")]);
        Assert.Equal(["b", "a"], dict.Keys);
        Assert.Equal("1", dict["b"]);
        Assert.Equal(["1", "3"], dict.GetList("b"));
        Assert.Equal(3, dict.Items().Count());
        Assert.Equal(new Dictionary<string, string> { ["b"] = "1", ["a"] = "2" }, dict.ToDictionary());
        Assert.Equal(7, dict.Get("a", s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) + 5));
        Assert.Throws<Exceptions.BadRequestKeyError>(() => dict["zz"]);
    }
}
