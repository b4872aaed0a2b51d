using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Data.Sqlite;
using MinimalApi;

// GET /plaintext, /json, /fortunes, /hello/{name} on the addresses given by --urls.
// FORTUNES_DB names the SQLite file made by bench/http/make_db.py.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

var database = Environment.GetEnvironmentVariable("FORTUNES_DB")
    ?? throw new InvalidOperationException("Set FORTUNES_DB to the fortunes SQLite file (bench/http/make_db.py).");
var connectionString = new SqliteConnectionStringBuilder
{
    DataSource = database,
    Mode = SqliteOpenMode.ReadOnly,
    Pooling = true,
}.ToString();

var app = builder.Build();

app.MapGet("/plaintext", () => Results.Text("Hello, World!", "text/plain", Encoding.UTF8));

app.MapGet("/json", () => Results.Json(new JsonMessage("Hello, World!"), AppJsonContext.Default.JsonMessage));

app.MapGet("/hello/{name}", (string name) =>
    Results.Text("Hello, " + HtmlEncoder.Default.Encode(name) + "!", "text/html; charset=utf-8", Encoding.UTF8));

app.MapGet("/fortunes", async () =>
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

    var html = new StringBuilder(2048);
    html.Append("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>");
    foreach (var fortune in fortunes)
    {
        html.Append("<tr><td>").Append(fortune.Id).Append("</td><td>");
        html.Append(HtmlEncoder.Default.Encode(fortune.Message));
        html.Append("</td></tr>");
    }

    html.Append("</table></body></html>");
    return Results.Text(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
});

app.Run();
