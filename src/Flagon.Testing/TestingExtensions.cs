namespace Flagon.Testing;

/// <summary>Adds <c>app.TestClient()</c> (Flask's <c>app.test_client()</c>).</summary>
public static class TestingExtensions
{
    /// <summary>Creates a client that runs requests through the app's real ASP.NET Core pipeline, in memory.</summary>
    public static TestClient TestClient(this FlagonApp app, bool useCookies = true) => new(app, useCookies);
}
