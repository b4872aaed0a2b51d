using Microsoft.Data.Sqlite;

namespace Flagon.Sqlite.Tests;

public class RowTests
{
    private static (TempApp Temp, SqliteExtension Ext, ApplicationContext Ctx) Open()
    {
        var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        var ctx = temp.App.AppContext();
        ext.RunScriptFile("Fixtures/schema.sql");
        return (temp, ext, ctx);
    }

    [Fact]
    public void RowsAreReadByColumnNameIgnoringCaseAndByPosition()
    {
        var (temp, ext, ctx) = Open();
        using (temp)
        using (ctx)
        {
            ext.GetDb().Execute("INSERT INTO item (name, price) VALUES (?, ?)", "tea", 2.5);
            var row = ext.GetDb().FetchOne("SELECT id, name, price, note FROM item")!;
            Assert.Equal(1L, row["id"]);
            Assert.Equal("tea", row["NAME"]);
            Assert.Equal(2.5, row["price"]);
            Assert.Null(row["note"]);
            Assert.Equal("tea", row[1]);
            Assert.Equal(["id", "name", "price", "note"], row.ColumnNames);
            Assert.Equal(1, row.Get<int>("id"));
            Assert.Throws<KeyNotFoundException>(() => row["missing"]);
        }
    }

    [Fact]
    public void FetchOneWithoutRowsIsNullAndFetchAllKeepsOrder()
    {
        var (temp, ext, ctx) = Open();
        using (temp)
        using (ctx)
        {
            var db = ext.GetDb();
            Assert.Null(db.FetchOne("SELECT * FROM item WHERE id = ?", 1));
            db.Execute("INSERT INTO item (name) VALUES (?)", "a");
            db.Execute("INSERT INTO item (name) VALUES (?)", "b");
            Assert.Equal(["b", "a"], db.FetchAll("SELECT name FROM item ORDER BY id DESC").Select(r => (string)r["name"]!));
        }
    }

    [Fact]
    public void TimestampAndDateColumnsReadAsDates()
    {
        var (temp, ext, ctx) = Open();
        using (temp)
        using (ctx)
        {
            var db = ext.GetDb();
            db.Execute("INSERT INTO item (name, created, day) VALUES (?, ?, ?)", "x", "2018-01-01 00:00:00", "2020-02-29");
            db.Execute("INSERT INTO item (name) VALUES (?)", "now");
            var row = db.FetchOne("SELECT created, day FROM item WHERE name = 'x'")!;
            Assert.Equal(new DateTime(2018, 1, 1, 0, 0, 0), row["created"]);
            Assert.Equal(new DateOnly(2020, 2, 29), row["day"]);
            var now = Assert.IsType<DateTime>(db.FetchOne("SELECT created FROM item WHERE name = 'now'")!["created"]);
            Assert.InRange(now, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(1));
        }
    }

    [Fact]
    public void CustomConvertersApplyByDeclaredType()
    {
        var (temp, ext, ctx) = Open();
        using (temp)
        using (ctx)
        {
            SqliteConverters.Register("upper_text", v => ((string)v).ToUpperInvariant());
            try
            {
                var db = ext.GetDb();
                db.Execute("CREATE TABLE shout (word UPPER_TEXT)");
                db.Execute("INSERT INTO shout VALUES (?)", "hey");
                Assert.Equal("HEY", db.FetchOne("SELECT word FROM shout")!["word"]);
            }
            finally
            {
                Assert.True(SqliteConverters.Unregister("upper_text"));
            }
        }
    }

    [Fact]
    public void DuplicateUniqueValuesAreIntegrityErrors()
    {
        var (temp, ext, ctx) = Open();
        using (temp)
        using (ctx)
        {
            var db = ext.GetDb();
            db.Execute("INSERT INTO item (name) VALUES (?)", "same");
            var error = Assert.Throws<SqliteException>(() => db.Execute("INSERT INTO item (name) VALUES (?)", "same"));
            Assert.True(error.IsIntegrityError());
            Assert.Equal(1L, db.Scalar("SELECT count(*) FROM item"));
        }
    }

    [Fact]
    public void RowPrintsLikeARecord()
    {
        var row = new SqliteRow(["id", "name", "note"], [1L, "tea", null]);
        Assert.Equal("<Row id=1, name='tea', note=None>", row.ToString());
    }

    [Fact]
    public void RowNeedsOneValuePerColumn()
    {
        Assert.Throws<ArgumentException>(() => new SqliteRow(["a", "b"], [1L]));
    }
}
