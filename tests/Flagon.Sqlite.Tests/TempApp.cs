namespace Flagon.Sqlite.Tests;

/// <summary>An app whose instance folder is a fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempApp : IDisposable
{
    public TempApp(string? database = "test.sqlite")
    {
        InstancePath = Path.Combine(Path.GetTempPath(), "flagon-sqlite-" + Guid.NewGuid().ToString("N"));
        App = new FlagonApp(rootPath: AppContext.BaseDirectory, instancePath: InstancePath, staticFolder: null, templateFolder: null);
        App.Testing = true;
        if (database is not null)
        {
            App.Config["DATABASE"] = database;
        }
    }

    public FlagonApp App { get; }

    public string InstancePath { get; }

    public void Dispose()
    {
        App.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(InstancePath))
        {
            Directory.Delete(InstancePath, recursive: true);
        }
    }
}
