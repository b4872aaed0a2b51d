using System.Text;
using System.Text.Json;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>
/// MAX_CONTENT_LENGTH, MAX_FORM_MEMORY_SIZE and MAX_FORM_PARTS against Werkzeug's parser (Fixtures/limits.json, recorded
/// by Fixtures/generate_limits.py with Flask 3.1's config-backed request limits), and malformed bodies.
/// </summary>
public class FormLimitTests
{
    private const string Boundary = "----flagonlimits";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture().EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LimitsMatchWerkzeug(string name)
    {
        var c = Fixture().EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        using var app = TestApps.New();
        foreach (var setting in c.GetProperty("config").EnumerateObject())
        {
            app.Config[setting.Name] = setting.Value.ValueKind == JsonValueKind.Null ? null : setting.Value.GetInt64();
        }

        app.Post("/", () => $"{Request.Form.Items().Count()}|{Request.Files.Items().Count()}", endpoint: "index");
        app.Post("/untouched", () => "untouched", endpoint: "untouched");
        var (body, contentType) = BuildBody(c.GetProperty("kind").GetString()!, c.GetProperty("groups"));
        using var client = app.TestClient();
        var response = await client.PostAsync("/", data: body, contentType: contentType);
        Assert.Equal(c.GetProperty("status").GetInt32(), response.StatusCode);
        if (c.GetProperty("body").GetString() is { } expected)
        {
            Assert.Equal(expected, response.Text);
        }
        else
        {
            Assert.Contains("<title>413 Request Entity Too Large</title>", response.Text, StringComparison.Ordinal);
        }

        Assert.Equal(c.GetProperty("untouched_status").GetInt32(), (await client.PostAsync("/untouched", data: body, contentType: contentType)).StatusCode);
    }

    [Fact]
    public async Task ThePerRequestLimitsOverrideTheConfig()
    {
        using var app = new LimitedApp();
        app.Post("/", () => $"{Request.MaxFormMemorySize}|{Request.MaxFormParts}|{Request.Form.Items().Count()}", endpoint: "index");
        using var client = app.TestClient();
        var (small, contentType) = BuildBody("multipart", JsonDocument.Parse("[[2, 10, false]]").RootElement);
        Assert.Equal("10|2|2", (await client.PostAsync("/", data: small, contentType: contentType)).Text);
        var (large, _) = BuildBody("multipart", JsonDocument.Parse("[[1, 11, false]]").RootElement);
        Assert.Equal(413, (await client.PostAsync("/", data: large, contentType: contentType)).StatusCode);
        var (many, _) = BuildBody("multipart", JsonDocument.Parse("[[3, 1, false]]").RootElement);
        Assert.Equal(413, (await client.PostAsync("/", data: many, contentType: contentType)).StatusCode);
    }

    [Fact]
    public async Task APerRequestMaxContentLengthIsKept()
    {
        using var app = new LimitedApp();
        app.Config["MAX_CONTENT_LENGTH"] = 5;
        app.Post("/", () => $"{Request.MaxContentLength}|{Request.GetData().Length}", endpoint: "index");
        using var client = app.TestClient();
        Assert.Equal("1000|100", (await client.PostAsync("/", data: new string('x', 100), contentType: "text/plain")).Text);
        Assert.Equal(413, (await client.PostAsync("/", data: new string('x', 1001), contentType: "text/plain")).StatusCode);
    }

    [Fact]
    public async Task ConfigChangesApplyToTheNextRequest()
    {
        using var app = TestApps.New();
        app.Post("/", () => $"{Request.Form.Items().Count()}", endpoint: "index");
        using var client = app.TestClient();
        var (body, contentType) = BuildBody("multipart", JsonDocument.Parse("[[5, 1, false]]").RootElement);
        Assert.Equal("5", (await client.PostAsync("/", data: body, contentType: contentType)).Text);
        app.Config["MAX_FORM_PARTS"] = 4;
        Assert.Equal(413, (await client.PostAsync("/", data: body, contentType: contentType)).StatusCode);
    }

    [Fact]
    public async Task A413GoesThroughTheErrorHandlers()
    {
        using var app = TestApps.New();
        app.Config["MAX_FORM_PARTS"] = 1;
        app.ErrorHandler(413, e => ("too big: " + e.Code, 413));
        app.Post("/", () => $"{Request.Form.Items().Count()}", endpoint: "index");
        using var client = app.TestClient();
        var (body, contentType) = BuildBody("multipart", JsonDocument.Parse("[[2, 1, false]]").RootElement);
        var response = await client.PostAsync("/", data: body, contentType: contentType);
        Assert.Equal(413, response.StatusCode);
        Assert.Equal("too big: 413", response.Text);
    }

    [Theory]
    [InlineData("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", "multipart/form-data; boundary=xyz")]
    [InlineData("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--xyz--\r\n", "multipart/form-data")]
    [InlineData("no boundary line at all", "multipart/form-data; boundary=xyz")]
    [InlineData("--xyz\r\nno colon header\r\n\r\nvalue\r\n--xyz--\r\n", "multipart/form-data; boundary=xyz")]
    [InlineData("--xyz\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--xyz--\r\n", "multipart/form-data; boundary=xyz")]
    [InlineData("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n", "multipart/form-data; boundary=xyz")]
    [InlineData("\r\n\r\n--xyz--", "multipart/form-data; boundary=\"\"")]
    public async Task MalformedMultipartIs400NeverA500(string body, string contentType)
    {
        using var app = TestApps.New();
        app.Post("/", () => $"{Request.Form.Items().Count()}|{Request.Files.Items().Count()}", endpoint: "index");
        using var client = app.TestClient();
        var response = await client.PostAsync("/", data: body, contentType: contentType);
        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task ManyPartHeadersAreALimitNotA500()
    {
        using var app = TestApps.New();
        app.Post("/", () => $"{Request.Form.Items().Count()}", endpoint: "index");
        using var client = app.TestClient();
        var headers = string.Concat(Enumerable.Range(0, 40).Select(i => $"X-H{i}: v\r\n"));
        var body = $"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n{headers}\r\nvalue\r\n--xyz--\r\n";
        var response = await client.PostAsync("/", data: body, contentType: "multipart/form-data; boundary=xyz");
        Assert.Equal(413, response.StatusCode);
    }

    [Fact]
    public async Task LongKeysAndLargeFilesAreNotLimitedByAspNetCoreDefaults()
    {
        using var app = TestApps.New();
        app.Post("/", () => $"{Request.Form.Keys.Single().Length}|{Request.Files["u0"].Read().Length}", endpoint: "index");
        app.Post("/key", () => $"{Request.Form.Keys.Single().Length}", endpoint: "key");
        using var client = app.TestClient();
        var key = new string('k', 5000);
        var file = new string('x', 200_000);
        var body = $"--xyz\r\nContent-Disposition: form-data; name=\"{key}\"\r\n\r\nv\r\n--xyz\r\nContent-Disposition: form-data; name=\"u0\"; filename=\"f.txt\"\r\n\r\n{file}\r\n--xyz--\r\n";
        var response = await client.PostAsync("/", data: body, contentType: "multipart/form-data; boundary=xyz");
        Assert.Equal("5000|200000", response.Text);
        Assert.Equal("5000", (await client.PostAsync("/key", data: key + "=v", contentType: "application/x-www-form-urlencoded")).Text);
    }

    [Fact]
    public async Task MaxContentLengthReplacesTheServersBodyLimit()
    {
        using var app = TestApps.New();
        app.Config["MAX_CONTENT_LENGTH"] = 64L * 1024 * 1024;
        var feature = new BodySizeFeature();
        app.Web.Use(next => context =>
        {
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>(feature);
            return next(context);
        });
        app.Post("/", () => $"{Request.GetData().Length}", endpoint: "index");
        using var client = app.TestClient();
        Assert.Equal("3", (await client.PostAsync("/", data: "abc")).Text);
        Assert.Equal(64L * 1024 * 1024, feature.MaxRequestBodySize);
    }

    private sealed class BodySizeFeature : Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }

    /// <summary>The same bodies generate_limits.py builds: fields f0, f1…, files u0, u1…, values of 'x' repeated.</summary>
    private static (byte[] Body, string ContentType) BuildBody(string kind, JsonElement groups)
    {
        var text = new StringBuilder();
        if (kind == "urlencoded")
        {
            var n = 0;
            foreach (var group in groups.EnumerateArray())
            {
                for (var i = 0; i < group[0].GetInt32(); i++)
                {
                    text.Append(n == 0 ? string.Empty : "&").Append('f').Append(n++).Append('=').Append('x', group[1].GetInt32());
                }
            }

            return (Encoding.UTF8.GetBytes(text.ToString()), "application/x-www-form-urlencoded");
        }

        var (fields, files) = (0, 0);
        foreach (var group in groups.EnumerateArray())
        {
            for (var i = 0; i < group[0].GetInt32(); i++)
            {
                var disposition = group[2].GetBoolean()
                    ? $"form-data; name=\"u{files}\"; filename=\"u{files++}.txt\"\r\nContent-Type: text/plain"
                    : $"form-data; name=\"f{fields++}\"";
                text.Append("--").Append(Boundary).Append("\r\nContent-Disposition: ").Append(disposition).Append("\r\n\r\n").Append('x', group[1].GetInt32()).Append("\r\n");
            }
        }

        text.Append("--").Append(Boundary).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), "multipart/form-data; boundary=" + Boundary);
    }

    private static JsonElement Fixture()
        => JsonDocument.Parse(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Fixtures", "limits.json"))).RootElement.GetProperty("cases");

    private sealed class LimitedApp : FlagonApp
    {
        public LimitedApp()
            : base(rootPath: System.AppContext.BaseDirectory)
        {
        }

        public override FlagonRequest CreateRequest(Microsoft.AspNetCore.Http.HttpContext httpContext)
            => new(httpContext, this) { MaxFormMemorySize = 10, MaxFormParts = 2, MaxContentLength = 1000 };
    }
}
