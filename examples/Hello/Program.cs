using Flagon;
using static Flagon.Globals;

var app = new FlagonApp(args);

app.Get("/", () => "Hello, World!", endpoint: "index");
app.Get("/hello/<name>", (string name) => $"Hello, {name}!", endpoint: "hello");
app.Get("/user/<int:id>", (int id) =>
{
    if (id == 0)
    {
        Abort(404);
    }

    return new { id, name = $"user{id}", url = UrlFor("user", new { id }) };
}, endpoint: "user");
app.Get("/add/<float:a>/<float:b>", (double a, double b) => new Dictionary<string, double> { ["sum"] = a + b }, endpoint: "add");
app.Get("/old", () => Redirect(UrlFor("index")), endpoint: "old");
app.ErrorHandler(404, e => (new { error = "not found", path = Request.Path }, 404));

return app.Run();
