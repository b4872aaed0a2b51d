namespace Flagon.Sqlite.Tests;

public class InitDbCommandTests
{
    [Fact]
    public void InitDbRunsTheSchemaInAnAppContextAndPrintsTheMessage()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        ext.AddInitDbCommand(temp.App, "Fixtures/schema.sql");
        using (temp.App.AppContext())
        {
            ext.RunScriptFile("Fixtures/schema.sql");
            ext.GetDb().Execute("INSERT INTO item (name) VALUES ('old')");
        }

        var output = new StringWriter();
        Assert.Equal(0, temp.App.Cli.Invoke(["init-db"], output));
        Assert.Equal("Initialized the database.\n", output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        using (temp.App.AppContext())
        {
            Assert.Equal(0L, ext.GetDb().Scalar("SELECT count(*) FROM item"));
        }
    }

    [Fact]
    public void TheCommandRunsTheGivenActionAndIsListedInHelp()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        var called = false;
        ext.AddInitDbCommand(temp.App, () => called = Globals.HasAppContext, name: "reset-db", message: "Reset.");
        var help = new StringWriter();
        temp.App.Cli.Invoke(["--help"], help);
        Assert.Contains("reset-db", help.ToString(), StringComparison.Ordinal);
        var output = new StringWriter();
        Assert.Equal(0, temp.App.Cli.Invoke(["reset-db"], output));
        Assert.True(called);
        Assert.StartsWith("Reset.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSchemaFileIsAClearError()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using var ctx = temp.App.AppContext();
        var error = Assert.Throws<FileNotFoundException>(() => ext.RunScriptFile("Fixtures/nope.sql"));
        Assert.Contains("nope.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeedsSchemaUntilTablesExist()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using var ctx = temp.App.AppContext();
        Assert.True(ext.NeedsSchema());
        ext.RunScriptFile("Fixtures/schema.sql");
        Assert.False(ext.NeedsSchema());
    }
}
