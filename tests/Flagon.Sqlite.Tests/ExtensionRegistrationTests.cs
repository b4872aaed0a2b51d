namespace Flagon.Sqlite.Tests;

public class ExtensionRegistrationTests
{
    [Fact]
    public void ConstructorWithAppStoresTheExtensionInAppExtensions()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        Assert.Same(ext, temp.App.Extensions["sqlite"]);
        Assert.Same(ext, SqliteExtension.Of(temp.App));
    }

    [Fact]
    public void InitAppRegistersLater()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension();
        Assert.False(temp.App.Extensions.ContainsKey("sqlite"));
        ext.InitApp(temp.App);
        Assert.Same(ext, SqliteExtension.Of(temp.App));
    }

    [Fact]
    public void RegisteringTheSameExtensionTwiceFails()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        Assert.Throws<InvalidOperationException>(() => ext.InitApp(temp.App));
    }

    [Fact]
    public void OneExtensionServesTwoApps()
    {
        using var first = new TempApp();
        using var second = new TempApp();
        var ext = new SqliteExtension();
        ext.InitApp(first.App);
        ext.InitApp(second.App);
        using (first.App.AppContext())
        {
            ext.GetDb().Execute("CREATE TABLE t (x)");
        }

        using (second.App.AppContext())
        {
            Assert.Equal(0L, ext.GetDb().Scalar("SELECT count(*) FROM sqlite_master WHERE name = 't'"));
        }
    }

    [Fact]
    public void OfWithoutRegistrationExplains()
    {
        using var temp = new TempApp();
        var error = Assert.Throws<InvalidOperationException>(() => SqliteExtension.Of(temp.App));
        Assert.Contains("InitApp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeDatabasePathIsUnderTheInstanceFolder()
    {
        using var temp = new TempApp("data/app.sqlite");
        var ext = new SqliteExtension(temp.App);
        Assert.Equal(Path.Combine(temp.InstancePath, "data", "app.sqlite"), ext.GetDatabasePath(temp.App));
    }

    [Fact]
    public void AbsoluteDatabasePathIsKept()
    {
        using var temp = new TempApp();
        var path = Path.Combine(Path.GetTempPath(), "elsewhere.sqlite");
        temp.App.Config["DATABASE"] = path;
        Assert.Equal(path, new SqliteExtension(temp.App).GetDatabasePath(temp.App));
    }

    [Fact]
    public void MissingDatabaseConfigGivesAClearError()
    {
        using var temp = new TempApp(database: null);
        var ext = new SqliteExtension(temp.App);
        using var ctx = temp.App.AppContext();
        var error = Assert.Throws<InvalidOperationException>(() => ext.GetDb());
        Assert.Contains("DATABASE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherConfigKeyCanBeUsed()
    {
        using var temp = new TempApp(database: null);
        temp.App.Config["LOG_DATABASE"] = "log.sqlite";
        var ext = new SqliteExtension(temp.App, configKey: "LOG_DATABASE");
        Assert.Equal(Path.Combine(temp.InstancePath, "log.sqlite"), ext.GetDatabasePath(temp.App));
    }
}
