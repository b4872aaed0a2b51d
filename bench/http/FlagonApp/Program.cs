using Flagon;
using Flagon.Jinja.Runtime;
using FlagonBench;
using Microsoft.Data.Sqlite;
using static Flagon.Globals;

// GET /plaintext, /json, /fortunes, /hello/<name> on the address given by --urls (default
// http://127.0.0.1:5102). FORTUNES_DB names the SQLite file made by bench/http/make_db.py.
var database = Environment.GetEnvironmentVariable("FORTUNES_DB")
    ?? throw new InvalidOperationException("Set FORTUNES_DB to the fortunes SQLite file (bench/http/make_db.py).");
var connectionString = new SqliteConnectionStringBuilder
{
    DataSource = database,
    Mode = SqliteOpenMode.ReadOnly,
    Pooling = true,
}.ToString();

// Templates and appsettings.json are published next to the binary. Hosting is configured as ../MinimalApi's
// (the slim builder, no logging providers), so that the comparison measures Flagon and not two different
// hosting setups; FLAGON_HOSTING=default measures `new FlagonApp()`'s defaults instead (see README.md).
var app = Environment.GetEnvironmentVariable("FLAGON_HOSTING") == "default"
    ? new FlagonApp(rootPath: AppContext.BaseDirectory)
    : new FlagonApp(SlimBuilder());

app.Get("/plaintext", () => new Response("Hello, World!", mimeType: "text/plain"));

app.Get("/json", () => Jsonify(new Dictionary<string, object?> { ["message"] = "Hello, World!" }));

app.Get("/fortunes", async () =>
{
    var fortunes = new List<Fortune>(16);
    await using (var connection = new SqliteConnection(connectionString))
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, message FROM fortune";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            fortunes.Add(new Fortune(reader.GetInt32(0), reader.GetString(1)));
        }
    }

    fortunes.Add(new Fortune(0, "Additional fortune added at request time."));
    fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
    return RenderTemplate("fortunes.html", new { fortunes });
});

app.Get("/hello/<name>", (string name) => $"Hello, {Markup.Escape(name)}!");

if (args.Contains("--probe"))
{
    // In-process pipeline probe (allocations and CPU per request, no server): see Probe.cs.
    Probe.Run(app, args);
    return;
}

var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5102";
var uri = new Uri(urls.Split(';')[0]);
app.Serve(uri.Host, uri.Port);

static WebApplicationBuilder SlimBuilder()
{
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
    builder.Logging.ClearProviders();
    return builder;
}
