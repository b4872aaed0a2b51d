using System.Data;
using Flagon.Sqlite;
using Microsoft.Data.Sqlite;

namespace Flaskr.Tests;

public class DbTests
{
    [Fact]
    public void GetDbIsOnePerContextAndClosedAfterIt()
    {
        using var flaskr = new FlaskrFixture();
        SqliteConnection db;
        using (flaskr.App.AppContext())
        {
            db = Db.GetDb();
            Assert.Same(db, Db.GetDb());
        }

        Assert.Equal(ConnectionState.Closed, db.State);
        var error = Assert.Throws<InvalidOperationException>(() => db.Scalar("SELECT 1"));
        Assert.Contains("open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InitDbCommandResetsTheDatabase()
    {
        using var flaskr = new FlaskrFixture();
        var output = new StringWriter();
        Assert.Equal(0, flaskr.App.Cli.Invoke(["init-db"], output));
        Assert.Contains("Initialized", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0L, flaskr.WithDb(db => db.Scalar("SELECT count(*) FROM user")));
        Assert.Equal(0L, flaskr.WithDb(db => db.Scalar("SELECT count(*) FROM post")));
    }

    [Fact]
    public void InitDbIsListedInHelp()
    {
        using var flaskr = new FlaskrFixture();
        var output = new StringWriter();
        flaskr.App.Cli.Invoke(["--help"], output);
        Assert.Contains("init-db", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFirstRunCreatesTheSchemaOnceAndKeepsData()
    {
        using var flaskr = new FlaskrFixture();
        var fresh = Path.Combine(flaskr.Folder, "fresh.sqlite");
        flaskr.App.Config["DATABASE"] = fresh;
        using (flaskr.App.AppContext())
        {
            Assert.True(Db.EnsureSchema());
            Db.GetDb().Execute("INSERT INTO user (username, password) VALUES ('u', 'p')");
        }

        Assert.True(File.Exists(fresh));
        using (flaskr.App.AppContext())
        {
            Assert.False(Db.EnsureSchema());
            Assert.Equal(1L, Db.GetDb().Scalar("SELECT count(*) FROM user"));
        }
    }
}
