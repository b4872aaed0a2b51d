using Microsoft.Data.Sqlite;

namespace Flagon.Sqlite;

/// <summary>
/// A Flagon extension in Flask's pattern: <c>new SqliteExtension(app)</c> or <c>ext.InitApp(app)</c> stores it in
/// <c>app.Extensions["sqlite"]</c>; <see cref="GetDb"/> opens one <see cref="SqliteConnection"/> per application
/// context on first use and the app's teardown-appcontext hook closes it. The database file is the config key
/// <see cref="ConfigKey"/> (<c>DATABASE</c>), relative to the instance folder.
/// </summary>
public sealed class SqliteExtension
{
    /// <summary>The key of the extension's state in <see cref="FlagonApp.Extensions"/>.</summary>
    public const string ExtensionName = "sqlite";

    /// <summary>The default config key holding the database path.</summary>
    public const string DefaultConfigKey = "DATABASE";

    /// <summary>The key of the open connection in the app context's <c>g</c>.</summary>
    private readonly string _gKey;

    /// <summary>Creates the extension; with <paramref name="app"/> it is initialized for that app right away (Flask's <c>Ext(app)</c>).</summary>
    public SqliteExtension(FlagonApp? app = null, string configKey = DefaultConfigKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(configKey);
        ConfigKey = configKey;
        _gKey = "_sqlite_db:" + configKey;
        if (app is not null)
        {
            InitApp(app);
        }
    }

    /// <summary>The config key holding the database path (absolute, or relative to the instance folder; <c>:memory:</c> for an in-memory database per context).</summary>
    public string ConfigKey { get; }

    /// <summary>
    /// Registers the extension with <paramref name="app"/>: sets <c>app.Extensions["sqlite"]</c> and adds the
    /// teardown hook that closes the context's connection. Call before the first request, once per app.
    /// </summary>
    public void InitApp(FlagonApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Extensions.TryGetValue(ExtensionName, out var existing) && ReferenceEquals(existing, this))
        {
            throw new InvalidOperationException("This SqliteExtension is already registered with the app.");
        }

        app.Extensions[ExtensionName] = this;
        app.TeardownAppContext(CloseDb);
    }

    /// <summary>The extension registered on <paramref name="app"/> (<c>app.Extensions["sqlite"]</c>).</summary>
    /// <exception cref="InvalidOperationException">The app has no SqliteExtension.</exception>
    public static SqliteExtension Of(FlagonApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Extensions.TryGetValue(ExtensionName, out var ext) && ext is SqliteExtension sqlite
            ? sqlite
            : throw new InvalidOperationException("The SqliteExtension is not registered on this app. Call new SqliteExtension(app) or InitApp(app) first.");
    }

    /// <summary>The absolute database path for <paramref name="app"/> (or <c>:memory:</c>) read from <see cref="ConfigKey"/>.</summary>
    /// <exception cref="InvalidOperationException">The config key is missing or empty.</exception>
    public string GetDatabasePath(FlagonApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configured = app.Config.Get<string>(ConfigKey);
        if (string.IsNullOrEmpty(configured))
        {
            throw new InvalidOperationException($"The database path is not configured: set app.Config[\"{ConfigKey}\"] (a file name is relative to the instance folder).");
        }

        return configured == ":memory:" ? configured : Path.GetFullPath(Path.Combine(app.InstancePath, configured));
    }

    /// <summary>
    /// The current application context's connection, opened on first use (creating the database file and its
    /// folder if needed) and reused until the context ends (Flask tutorial's <c>get_db()</c>).
    /// </summary>
    /// <exception cref="WorkingOutsideOfContextException">No application context is active.</exception>
    public SqliteConnection GetDb()
    {
        var g = Globals.G;
        if (g.Get(_gKey) is SqliteConnection open)
        {
            return open;
        }

        var path = GetDatabasePath(Globals.CurrentApp);
        if (path != ":memory:" && Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = true }.ToString());
        connection.Open();
        g.Set(_gKey, connection);
        return connection;
    }

    /// <summary>Whether the current application context has opened its connection (false outside a context).</summary>
    public bool HasDb => Globals.HasAppContext && Globals.G.Get(_gKey) is SqliteConnection;

    /// <summary>Closes the current context's connection if it was opened (the teardown hook; safe to call twice).</summary>
    public void CloseDb(Exception? exception = null)
    {
        if (Globals.HasAppContext && Globals.G.Pop(_gKey) is SqliteConnection connection)
        {
            connection.Dispose();
        }
    }

    /// <summary>Runs the SQL script in <paramref name="path"/> (relative to the app's root folder, as Flask's <c>open_resource</c>) on the context's connection.</summary>
    public void RunScriptFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(Path.Combine(Globals.CurrentApp.RootPath, path));
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The SQL script {full} does not exist.", full);
        }

        GetDb().ExecuteScript(File.ReadAllText(full));
    }

    /// <summary>
    /// Whether the database is missing or has no tables yet: used to create the schema on first run
    /// (always true for <c>:memory:</c>). Needs an application context.
    /// </summary>
    public bool NeedsSchema()
    {
        var path = GetDatabasePath(Globals.CurrentApp);
        if (path != ":memory:" && !File.Exists(path))
        {
            return true;
        }

        return Convert.ToInt64(GetDb().Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'"), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>
    /// Adds a CLI command (<c>init-db</c> by default) to <paramref name="app"/> that runs <paramref name="initialize"/>
    /// inside an app context and prints <paramref name="message"/>, as the Flask tutorial's <c>init-db</c>.
    /// </summary>
    public System.CommandLine.Command AddInitDbCommand(FlagonApp app, Action initialize, string name = "init-db", string description = "Clear existing data and create new tables.", string message = "Initialized the database.")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(initialize);
        return app.Cli.Command(name, description, parse =>
        {
            initialize();
            parse.InvocationConfiguration.Output.WriteLine(message);
        });
    }

    /// <summary>Adds an <c>init-db</c> command that runs the schema script <paramref name="schemaPath"/> (relative to the app's root).</summary>
    public System.CommandLine.Command AddInitDbCommand(FlagonApp app, string schemaPath, string name = "init-db")
        => AddInitDbCommand(app, () => RunScriptFile(schemaPath), name);
}
