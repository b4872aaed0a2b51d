namespace Flagon.Sqlite.Tests;

public class PlaceholderTests
{
    [Theory]
    [InlineData("SELECT ?", "SELECT @__p1", 1)]
    [InlineData("SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = @__p1 AND b = @__p2", 2)]
    [InlineData("SELECT '?', \"?\", [?], `?` -- ?\n, ?", "SELECT '?', \"?\", [?], `?` -- ?\n, @__p1", 1)]
    [InlineData("SELECT 'it''s ?' /* ? */, ?", "SELECT 'it''s ?' /* ? */, @__p1", 1)]
    [InlineData("SELECT ?1, ?2", "SELECT ?1, ?2", 0)]
    [InlineData("SELECT 'unterminated ?", "SELECT 'unterminated ?", 0)]
    public void PlainQuestionMarksOutsideStringsAndCommentsAreNumbered(string sql, string expected, int count)
    {
        Assert.Equal((expected, count), SqliteConnectionExtensions.NumberPlaceholders(sql));
    }

    [Fact]
    public void WrongNumberOfParametersIsAClearError()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using var ctx = temp.App.AppContext();
        var error = Assert.Throws<ArgumentException>(() => ext.GetDb().Scalar("SELECT ? + ?", 1));
        Assert.Contains("uses 2, and there are 1 supplied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersAreBoundNotSpliced()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using var ctx = temp.App.AppContext();
        var db = ext.GetDb();
        db.Execute("CREATE TABLE t (x TEXT)");
        db.Execute("INSERT INTO t VALUES (?)", "'); DROP TABLE t; --");
        Assert.Equal("'); DROP TABLE t; --", db.Scalar("SELECT x FROM t"));
        Assert.Null(db.Scalar("SELECT ?", [null]));
    }
}
