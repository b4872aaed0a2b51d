using Flagon;
using Flagon.Sessions;
using Flagon.Sqlite;
using Flagon.Testing;
using Microsoft.Data.Sqlite;

namespace Flaskr.Tests;

/// <summary>
/// The tutorial's conftest: a Flaskr app on a temporary database (schema plus <c>Fixtures/data.sql</c>), a test
/// client, and login/logout helpers. Dispose removes the database.
/// </summary>
internal sealed class FlaskrFixture : IDisposable
{
    private TestClient? _client;

    public FlaskrFixture(IReadOnlyDictionary<string, object?>? extraConfig = null, bool loadData = true)
    {
        Folder = Path.Combine(Path.GetTempPath(), "flaskr-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var config = new Dictionary<string, object?>
        {
            ["TESTING"] = true,
            ["DATABASE"] = Path.Combine(Folder, "test.sqlite"),
            // registration hashes stay in Werkzeug's format, with fewer iterations to keep the suite fast
            [Auth.HashMethodKey] = "pbkdf2:sha256:1000",
        };
        foreach (var (key, value) in extraConfig ?? new Dictionary<string, object?>())
        {
            config[key] = value;
        }

        App = FlaskrApp.Create(testConfig: config, rootPath: AppContext.BaseDirectory, instancePath: Path.Combine(Folder, "instance"));
        using (App.AppContext())
        {
            Db.InitDb();
            if (loadData)
            {
                Db.GetDb().ExecuteScript(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "data.sql")));
            }
        }
    }

    public FlagonApp App { get; }

    public string Folder { get; }

    public TestClient Client => _client ??= App.TestClient();

    public Task<TestResponse> LoginAsync(string username = "test", string password = "test")
        => Client.PostAsync("/auth/login", data: new { username, password });

    public Task<TestResponse> LogoutAsync() => Client.GetAsync("/auth/logout");

    /// <summary>Runs <paramref name="query"/> in a fresh app context (the tutorial's <c>with app.app_context(): get_db()…</c>).</summary>
    public T WithDb<T>(Func<SqliteConnection, T> query)
    {
        using (App.AppContext())
        {
            return query(Db.GetDb());
        }
    }

    /// <summary>The session the client's cookie holds, decoded as Flask would (null when there is no valid cookie).</summary>
    public SessionData? Session()
    {
        var cookie = Client.GetCookie("session");
        return cookie is null ? null : new SecureCookieSessionCodec(App.GetSessionOptions()).Decode(cookie.Value);
    }

    public void Dispose()
    {
        _client?.Dispose();
        App.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
