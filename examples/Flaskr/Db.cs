using Flagon;
using Flagon.Sqlite;
using Microsoft.Data.Sqlite;
using static Flagon.Globals;

namespace Flaskr;

/// <summary>The tutorial's <c>db.py</c>: the database connection, the schema and the <c>init-db</c> command.</summary>
public static class Db
{
    /// <summary>The schema script, relative to the app's root folder.</summary>
    public const string SchemaFile = "schema.sql";

    /// <summary>The current app context's connection (opened on first use, closed on teardown).</summary>
    public static SqliteConnection GetDb() => SqliteExtension.Of(CurrentApp).GetDb();

    /// <summary>Drops any existing data and creates the tables.</summary>
    public static void InitDb() => SqliteExtension.Of(CurrentApp).RunScriptFile(SchemaFile);

    /// <summary>Creates the tables when the database file is new or empty (the first run); true when it did.</summary>
    public static bool EnsureSchema()
    {
        var ext = SqliteExtension.Of(CurrentApp);
        if (!ext.NeedsSchema())
        {
            return false;
        }

        InitDb();
        return true;
    }

    /// <summary>Registers the extension (connection per app context, closed on teardown) and the <c>init-db</c> command.</summary>
    public static void InitApp(FlagonApp app)
    {
        var ext = new SqliteExtension(app);
        ext.AddInitDbCommand(app, InitDb);
    }
}
