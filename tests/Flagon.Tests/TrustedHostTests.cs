using System.Text.Json;
using Flagon.Exceptions;
using Flagon.Testing;

namespace Flagon.Tests;

/// <summary>
/// TRUSTED_HOSTS (Flask 3.1) with Werkzeug's host rules, against Fixtures/trusted_hosts.json (recorded by
/// Fixtures/generate_trusted_hosts.py): the matching table, the 400 page, the order (before-request hooks still run).
/// </summary>
public class TrustedHostTests
{
    private static readonly Lazy<JsonElement> _fixture = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Fixtures", "trusted_hosts.json"))).RootElement);

    public static TheoryData<string, bool> Matches()
    {
        var data = new TheoryData<string, bool>();
        foreach (var host in _fixture.Value.GetProperty("matches").EnumerateObject())
        {
            data.Add(host.Name, host.Value.GetBoolean());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matches))]
    public void HostMatchingIsWerkzeugs(string host, bool trusted)
    {
        var list = _fixture.Value.GetProperty("trusted").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(trusted, TrustedHosts.IsTrusted(host, list));
    }

    [Fact]
    public async Task ASingleStringIsAOneNameList()
    {
        using var app = TestApps.New();
        app.Config["TRUSTED_HOSTS"] = "example.com";
        app.Get("/", () => "ok", endpoint: "index");
        using var client = app.TestClient();
        foreach (var host in _fixture.Value.GetProperty("single_string").EnumerateObject())
        {
            var response = await client.GetAsync("/", headers: new Dictionary<string, string> { ["Host"] = host.Name });
            Assert.Equal(host.Value.GetBoolean() ? 200 : 400, response.StatusCode);
        }
    }

    [Fact]
    public void IPv6LiteralsLoseOnlyTheirPort()
    {
        Assert.True(TrustedHosts.IsTrusted("[::1]:5000", ["[::1]"]));
        Assert.True(TrustedHosts.IsTrusted("[::1]", ["[::1]"]));
        Assert.False(TrustedHosts.IsTrusted("[::2]:5000", ["[::1]"]));
        Assert.False(TrustedHosts.IsTrusted("a..b", ["a..b"]));
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("www.example.org")]
    [InlineData("evil.com")]
    [InlineData("example.com:8080")]
    public async Task RequestsFromUntrustedHostsAre400(string host)
    {
        var expected = _fixture.Value.GetProperty("requests").GetProperty(host);
        var trace = new List<string>();
        using var app = TestApps.New();
        app.Config["TRUSTED_HOSTS"] = new List<object?> { "example.com", ".example.org" };
        app.BeforeRequest(() => trace.Add("before_request"));
        app.Get("/", () =>
        {
            trace.Add("view");
            return "ok";
        }, endpoint: "index");
        using var client = app.TestClient();
        var response = await client.GetAsync("/", headers: new Dictionary<string, string> { ["Host"] = host });
        Assert.Equal(expected.GetProperty("status").GetInt32(), response.StatusCode);
        Assert.Equal(expected.GetProperty("body").GetString(), response.Text);
        Assert.Equal(expected.GetProperty("trace").EnumerateArray().Select(e => e.GetString()), trace);
    }

    [Fact]
    public async Task TheRefusalGoesThroughThe400Handler()
    {
        var expected = _fixture.Value.GetProperty("handled");
        using var app = TestApps.New();
        app.Config["TRUSTED_HOSTS"] = new[] { "example.com" };
        app.ErrorHandler(400, e => ($"handled: {e.Description}", 400));
        app.Get("/", () => "ok", endpoint: "index");
        using var client = app.TestClient();
        var response = await client.GetAsync("/", headers: new Dictionary<string, string> { ["Host"] = "evil.com" });
        Assert.Equal(expected.GetProperty("status").GetInt32(), response.StatusCode);
        Assert.Equal(expected.GetProperty("body").GetString(), response.Text);
    }

    [Fact]
    public async Task TheErrorIsASecurityErrorAndTheRequestHasNoRule()
    {
        using var app = TestApps.New();
        app.Config["TRUSTED_HOSTS"] = "example.com";
        HttpException? seen = null;
        string? endpoint = "unset";
        app.BeforeRequest(() =>
        {
            seen = Globals.Request.RoutingException;
            endpoint = Globals.Request.Endpoint;
        });
        app.Get("/", () => "ok", endpoint: "index");
        using var client = app.TestClient();
        Assert.Equal(400, (await client.GetAsync("/")).StatusCode); // the client's Host is localhost
        Assert.IsType<SecurityError>(seen);
        Assert.Null(endpoint);
    }

    [Fact]
    public async Task UnsetMeansEveryHostIsServed()
    {
        using var app = TestApps.New();
        app.Get("/", () => "ok", endpoint: "index");
        using var client = app.TestClient();
        Assert.Equal("ok", (await client.GetAsync("/", headers: new Dictionary<string, string> { ["Host"] = "anything.invalid" })).Text);
    }
}
