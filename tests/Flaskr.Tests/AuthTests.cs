using System.Text.Json;
using Flagon;
using Flagon.Security;
using Flagon.Sqlite;

namespace Flaskr.Tests;

public class AuthTests
{
    [Fact]
    public async Task RegisterShowsTheFormAndRedirectsToLoginAfterInsertingTheUser()
    {
        using var flaskr = new FlaskrFixture();
        var form = await flaskr.Client.GetAsync("/auth/register");
        Assert.Equal(200, form.StatusCode);
        Assert.Contains("name=\"username\"", form.Text, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", form.Text, StringComparison.Ordinal);

        var response = await flaskr.Client.PostAsync("/auth/register", data: new { username = "a", password = "a" });
        Assert.Equal(302, response.StatusCode);
        Assert.Equal("/auth/login", response.Location);

        var user = flaskr.WithDb(db => db.FetchOne("SELECT * FROM user WHERE username = 'a'"));
        Assert.NotNull(user);
        var hash = (string)user["password"]!;
        Assert.StartsWith("pbkdf2:sha256:1000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.Check(hash, "a"));
    }

    [Fact]
    public async Task RegisterHashesWithFlagonsDefaultMethodUnlessConfigured()
    {
        using var flaskr = new FlaskrFixture(new Dictionary<string, object?> { [Auth.HashMethodKey] = null });
        await flaskr.Client.PostAsync("/auth/register", data: new { username = "b", password = "pw" });
        var hash = flaskr.WithDb(db => (string)db.Scalar("SELECT password FROM user WHERE username = 'b'")!);
        Assert.StartsWith(PasswordHash.DefaultMethod + "$", hash, StringComparison.Ordinal);
        Assert.Matches("^pbkdf2:sha256:[0-9]+\\$[A-Za-z0-9]{16}\\$[0-9a-f]{64}$", hash);
    }

    [Theory]
    [InlineData("", "", "Username is required.")]
    [InlineData("a", "", "Password is required.")]
    [InlineData("test", "test", "User test is already registered.")]
    public async Task RegisterValidatesInput(string username, string password, string message)
    {
        using var flaskr = new FlaskrFixture();
        var response = await flaskr.Client.PostAsync("/auth/register", data: new { username, password });
        Assert.Equal(200, response.StatusCode);
        Assert.Contains($"<div class=\"flash\">{message}</div>", response.Text, StringComparison.Ordinal);
        Assert.Equal(2L, flaskr.WithDb(db => db.Scalar("SELECT count(*) FROM user")));
    }

    [Fact]
    public async Task AMissingFormFieldIsABadRequest()
    {
        using var flaskr = new FlaskrFixture();
        Assert.Equal(400, (await flaskr.Client.PostAsync("/auth/register", data: new { username = "a" })).StatusCode);
        Assert.Equal(400, (await flaskr.Client.PostAsync("/auth/login", data: new { password = "a" })).StatusCode);
    }

    [Fact]
    public async Task LoginRedirectsToTheIndexAndKeepsTheUserIdInTheSession()
    {
        using var flaskr = new FlaskrFixture();
        object? loaded = null;
        flaskr.App.AfterRequest(r =>
        {
            loaded = Globals.G.User?["username"];
            return r;
        });
        Assert.Equal(200, (await flaskr.Client.GetAsync("/auth/login")).StatusCode);

        var response = await flaskr.LoginAsync();
        Assert.Equal(302, response.StatusCode);
        Assert.Equal("/", response.Location);

        var page = await flaskr.Client.GetAsync("/");
        Assert.Equal("test", loaded);
        var session = flaskr.Session();
        Assert.NotNull(session);
        Assert.Equal(1L, session["user_id"]);
        Assert.Equal(["user_id"], session.Keys);
        Assert.Contains("<span class=\"user\">test</span>", page.Text, StringComparison.Ordinal);
        Assert.Contains("Log Out", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a", "test", "Incorrect username.")]
    [InlineData("test", "a", "Incorrect password.")]
    public async Task LoginValidatesInput(string username, string password, string message)
    {
        using var flaskr = new FlaskrFixture();
        var response = await flaskr.LoginAsync(username, password);
        Assert.Equal(200, response.StatusCode);
        Assert.Contains($"<div class=\"flash\">{message}</div>", response.Text, StringComparison.Ordinal);
        Assert.Null(flaskr.Session()?.Get("user_id"));
    }

    [Fact]
    public async Task LogoutClearsTheSession()
    {
        using var flaskr = new FlaskrFixture();
        await flaskr.LoginAsync();
        Assert.Equal(1L, flaskr.Session()?["user_id"]);
        var response = await flaskr.LogoutAsync();
        Assert.Equal("/", response.Location);
        Assert.False(flaskr.Session()?.ContainsKey("user_id") ?? false);
        var page = await flaskr.Client.GetAsync("/");
        Assert.Contains("Log In", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Log Out", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewlyRegisteredUserCanLogIn()
    {
        using var flaskr = new FlaskrFixture();
        await flaskr.Client.PostAsync("/auth/register", data: new { username = "new", password = "secret" });
        Assert.Equal("/", (await flaskr.LoginAsync("new", "secret")).Location);
        Assert.Equal(3L, flaskr.Session()?["user_id"]);
    }

    public static TheoryData<string, string> WerkzeugHashes()
    {
        var data = new TheoryData<string, string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "werkzeug.json")));
        foreach (var entry in doc.RootElement.GetProperty("passwords").EnumerateArray())
        {
            data.Add(entry.GetProperty("password").GetString()!, entry.GetProperty("hash").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WerkzeugHashes))]
    public async Task UsersExportedFromFlaskLogInWithWerkzeugHashes(string password, string hash)
    {
        using var flaskr = new FlaskrFixture();
        flaskr.WithDb(db => db.Execute("INSERT INTO user (username, password) VALUES (?, ?)", "flask-user", hash));
        // the tutorial's login form requires a password, but Werkzeug hashes an empty one too
        Assert.Contains("Incorrect password.", (await flaskr.LoginAsync("flask-user", password + "x")).Text, StringComparison.Ordinal);
        Assert.Equal("/", (await flaskr.LoginAsync("flask-user", password)).Location);
        Assert.Equal(3L, flaskr.Session()?["user_id"]);
    }

    public static TheoryData<long, string> FlaskCookies()
    {
        var data = new TheoryData<long, string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "werkzeug.json")));
        foreach (var entry in doc.RootElement.GetProperty("sessions").EnumerateArray())
        {
            data.Add(entry.GetProperty("user_id").GetInt64(), entry.GetProperty("cookie").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FlaskCookies))]
    public async Task ASessionCookieFromFlaskLogsTheUserIn(long userId, string cookie)
    {
        // cookies are timestamped: accept the recorded ones however old they get
        using var flaskr = new FlaskrFixture(new Dictionary<string, object?> { ["PERMANENT_SESSION_LIFETIME"] = TimeSpan.FromDays(365 * 100) });
        flaskr.Client.SetCookie("session", cookie);
        var page = await flaskr.Client.GetAsync("/");
        var username = userId == 1 ? "test" : "other";
        Assert.Contains($"<span class=\"user\">{username}</span>", page.Text, StringComparison.Ordinal);
        Assert.Equal(userId == 1, page.Text.Contains("href=\"/1/update\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACookieSignedWithAnotherKeyIsIgnored()
    {
        var cookie = FlaskCookies().First()[1]!;
        using var flaskr = new FlaskrFixture(new Dictionary<string, object?> { ["SECRET_KEY"] = "not-dev", ["PERMANENT_SESSION_LIFETIME"] = TimeSpan.FromDays(365 * 100) });
        flaskr.Client.SetCookie("session", (string)cookie);
        var page = await flaskr.Client.GetAsync("/");
        Assert.Equal(200, page.StatusCode);
        Assert.Contains("Log In", page.Text, StringComparison.Ordinal);
    }
}
