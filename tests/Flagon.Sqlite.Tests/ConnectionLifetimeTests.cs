using System.Data;
using Flagon.Testing;
using Microsoft.Data.Sqlite;

namespace Flagon.Sqlite.Tests;

public class ConnectionLifetimeTests
{
    [Fact]
    public void GetDbReturnsOneConnectionPerContextAndTeardownClosesIt()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        SqliteConnection db;
        using (temp.App.AppContext())
        {
            db = ext.GetDb();
            Assert.Same(db, ext.GetDb());
            Assert.True(ext.HasDb);
            Assert.Equal(ConnectionState.Open, db.State);
        }

        Assert.Equal(ConnectionState.Closed, db.State);
        var error = Assert.Throws<InvalidOperationException>(() => db.Scalar("SELECT 1"));
        Assert.Contains("open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachContextGetsItsOwnConnection()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using var outer = temp.App.AppContext();
        var first = ext.GetDb();
        using (temp.App.AppContext())
        {
            Assert.NotSame(first, ext.GetDb());
        }

        Assert.Equal(ConnectionState.Open, first.State);
        Assert.Same(first, ext.GetDb());
    }

    [Fact]
    public void NoConnectionIsOpenedUntilAsked()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using (temp.App.AppContext())
        {
            Assert.False(ext.HasDb);
        }

        Assert.False(File.Exists(ext.GetDatabasePath(temp.App)));
    }

    [Fact]
    public void GetDbOutsideAContextFails()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        Assert.Throws<WorkingOutsideOfContextException>(() => ext.GetDb());
    }

    [Fact]
    public void TheDatabaseFileAndItsFolderAreCreatedOnFirstUse()
    {
        using var temp = new TempApp("nested/db.sqlite");
        var ext = new SqliteExtension(temp.App);
        using (temp.App.AppContext())
        {
            ext.GetDb().Execute("CREATE TABLE t (x)");
        }

        Assert.True(File.Exists(Path.Combine(temp.InstancePath, "nested", "db.sqlite")));
    }

    [Fact]
    public void DataPersistsAcrossContexts()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using (temp.App.AppContext())
        {
            ext.GetDb().Execute("CREATE TABLE t (x)");
            ext.GetDb().Execute("INSERT INTO t VALUES (?)", 42);
        }

        using (temp.App.AppContext())
        {
            Assert.Equal(42L, ext.GetDb().Scalar("SELECT x FROM t"));
        }
    }

    [Fact]
    public async Task EachRequestGetsAConnectionClosedWhenTheRequestEnds()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        var seen = new List<SqliteConnection>();
        temp.App.Get("/", () =>
        {
            var db = ext.GetDb();
            seen.Add(db);
            return db.Scalar("SELECT 1 + 1")!.ToString()!;
        }, endpoint: "index");
        using var client = temp.App.TestClient();
        Assert.Equal("2", (await client.GetAsync("/")).Text);
        Assert.Equal("2", (await client.GetAsync("/")).Text);
        Assert.Equal(2, seen.Count);
        Assert.NotSame(seen[0], seen[1]);
        Assert.All(seen, db => Assert.Equal(ConnectionState.Closed, db.State));
    }

    [Fact]
    public void ForeignKeysAreEnforced()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using var ctx = temp.App.AppContext();
        var db = ext.GetDb();
        db.ExecuteScript("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));");
        var error = Assert.Throws<SqliteException>(() => db.Execute("INSERT INTO child VALUES (?)", 7));
        Assert.True(error.IsIntegrityError());
    }
}
