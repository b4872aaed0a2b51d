using Flagon.Exceptions;
using Flagon.Testing;
using static Flagon.Globals;

namespace Flagon.Tests;

/// <summary>Abort and Werkzeug's HTTP exception family: each default page byte-identical to Werkzeug's.</summary>
public class HttpExceptionTests
{
    public static IEnumerable<object[]> Codes() => FlaskFixture.Get("error_pages").EnumerateObject().Select(p => new object[] { int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture) });

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task AbortPagesMatchWerkzeug(int code)
    {
        var expected = FlaskFixture.Get("error_pages").GetProperty(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var app = TestApps.New();
        app.Get("/abort/<int:code>", (int code) => Abort(code), endpoint: "do_abort");
        using var client = app.TestClient();
        var response = await client.GetAsync($"/abort/{code}");
        Assert.Equal(code, response.StatusCode);
        Assert.Equal(expected.GetProperty("body").GetString(), response.Text);
        Assert.Equal(expected.GetProperty("headers").GetProperty("Content-Type").GetString(), response.ContentType);
        Assert.Equal(expected.GetProperty("status_line").GetString(), response.Status);
    }

    [Fact]
    public async Task DescriptionsAreEscapedWithLineBreaks()
    {
        var app = TestApps.New();
        app.Get("/", () => Abort(400, "Bad <thing> & 'quotes'\nsecond line"), endpoint: "i");
        using var client = app.TestClient();
        Assert.Equal(FlaskFixture.Get("error_described").GetProperty("body").GetString(), (await client.GetAsync("/")).Text);
    }

    [Fact]
    public async Task AbortWithAResponseSendsIt()
    {
        var app = TestApps.New();
        app.Get("/", () => Abort(new Response("custom", 409)), endpoint: "i");
        using var client = app.TestClient();
        var response = await client.GetAsync("/");
        Assert.Equal(409, response.StatusCode);
        Assert.Equal("custom", response.Text);
    }

    [Fact]
    public void UnknownCodesAreALookupError()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Abort(299));
        Assert.Equal("no exception for 299", error.Message);
    }

    [Fact]
    public void ExceptionClassesCarryTheirCodes()
    {
        Assert.Equal(404, new NotFound().Code);
        Assert.Equal("Not Found", new NotFound().Name);
        Assert.Equal(["GET", "POST"], new MethodNotAllowed(["GET", "POST"]).ValidMethods);
        Assert.Contains(new KeyValuePair<string, string>("Allow", "GET, POST"), new MethodNotAllowed(["GET", "POST"]).GetHeaders());
        Assert.Equal(404, HttpExceptions.CodeOf(typeof(NotFound)));
        Assert.IsType<ImATeapot>(HttpExceptions.Create(418));
    }
}
