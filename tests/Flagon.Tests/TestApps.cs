using Flagon.Testing;

namespace Flagon.Tests;

/// <summary>Small factory helpers shared by the tests.</summary>
internal static class TestApps
{
    public static FlagonApp New(bool testing = false, string? rootPath = null)
    {
        var app = new FlagonApp(rootPath: rootPath ?? AppContext.BaseDirectory);
        app.Testing = testing;
        return app;
    }

    public static TestClient Client(FlagonApp app) => app.TestClient();
}
