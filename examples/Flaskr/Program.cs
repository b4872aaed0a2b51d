using Flaskr;

var app = FlaskrApp.Create(args);

// Serving (no arguments, or `run`): create the database with its schema on the first run.
if (args.Length == 0 || args[0] == "run")
{
    using (app.AppContext())
    {
        if (Db.EnsureSchema())
        {
            Console.WriteLine($" * Created the database {app.Config["DATABASE"]}");
        }
    }

    var portIndex = Array.FindIndex(args, a => a is "--port" or "-p");
    var port = portIndex >= 0 && portIndex + 1 < args.Length ? args[portIndex + 1] : "5000";
    Console.WriteLine($" * Flaskr: open http://127.0.0.1:{port}/ in your browser (Ctrl+C to stop)");
}

return app.Run();
