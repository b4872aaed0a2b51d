using Flagon;

namespace Flaskr;

/// <summary>The tutorial's application factory (<c>create_app</c>).</summary>
public static class FlaskrApp
{
    /// <summary>
    /// Creates and configures the app. Without <paramref name="testConfig"/>: <c>SECRET_KEY</c> "dev" and the
    /// database <c>flaskr.sqlite</c> in the instance folder, overridden by <c>instance/config.json</c> and then by
    /// <c>FLAGON_*</c> environment variables (<c>FLAGON_SECRET_KEY</c>). With it: those defaults plus the given keys only.
    /// </summary>
    public static FlagonApp Create(string[]? args = null, IReadOnlyDictionary<string, object?>? testConfig = null, string? rootPath = null, string? instancePath = null)
    {
        var app = new FlagonApp(args, name: "Flaskr", rootPath: rootPath ?? DefaultRoot(), instancePath: instancePath);
        app.Config.FromMapping(new Dictionary<string, object?>
        {
            // a development default: set a real secret in instance/config.json or FLAGON_SECRET_KEY in production
            ["SECRET_KEY"] = "dev",
            ["DATABASE"] = Path.Combine(app.InstancePath, "flaskr.sqlite"),
        });

        if (testConfig is null)
        {
            app.Config.FromJsonFile(Path.Combine(app.InstancePath, "config.json"), silent: true);
            app.Config.FromPrefixedEnv();
        }
        else
        {
            app.Config.FromMapping(testConfig);
        }

        Directory.CreateDirectory(app.InstancePath);

        app.Get("/hello", () => "Hello, World!", endpoint: "hello");

        Db.InitApp(app);
        app.RegisterBlueprint(Auth.CreateBlueprint());
        app.RegisterBlueprint(Blog.CreateBlueprint());

        // url_for('index') == url_for('blog.index'): the blog is the main index
        app.AddUrlRule("/", endpoint: "index");
        return app;
    }

    /// <summary>
    /// The folder holding <c>templates/</c>, <c>static/</c> and <c>schema.sql</c>: the working directory when it has them
    /// (<c>dotnet run</c> runs in the project folder, so <c>instance/</c> sits next to the sources), else the build output.
    /// </summary>
    private static string DefaultRoot()
    {
        var cwd = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(cwd, Db.SchemaFile)) && Directory.Exists(Path.Combine(cwd, "templates")) ? cwd : AppContext.BaseDirectory;
    }
}
