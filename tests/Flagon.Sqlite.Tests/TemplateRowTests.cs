using Flagon.Testing;

namespace Flagon.Sqlite.Tests;

public class TemplateRowTests
{
    [Fact]
    public async Task TemplatesReadRowsByKeyAttributeAndPosition()
    {
        using var temp = new TempApp();
        var ext = new SqliteExtension(temp.App);
        using (temp.App.AppContext())
        {
            ext.RunScriptFile("Fixtures/schema.sql");
            ext.GetDb().Execute("INSERT INTO item (name, price, created) VALUES (?, ?, ?), (?, ?, ?)", "tea", 2.5, "2018-01-01 10:00:00", "<b>", null, "2019-05-06 00:00:00");
        }

        temp.App.Get("/", () => Globals.RenderTemplateString(
            "{% for r in rows %}{{ r['name'] }}|{{ r.price }}|{{ r[0] }}|{{ r['created'].year }}|{{ r['note'] is none }}\n{% endfor %}",
            new { rows = ext.GetDb().FetchAll("SELECT * FROM item ORDER BY id") }), endpoint: "index");
        using var client = temp.App.TestClient();
        Assert.Equal("tea|2.5|1|2018|True\n&lt;b&gt;|None|2|2019|True\n", (await client.GetAsync("/")).Text);
    }
}
