using Flagon.Sqlite;

namespace Flaskr.Tests;

public class BlogTests
{
    [Fact]
    public async Task IndexShowsPostsAndTheEditLinkToTheAuthor()
    {
        using var flaskr = new FlaskrFixture();
        var anonymous = await flaskr.Client.GetAsync("/");
        Assert.Contains("Log In", anonymous.Text, StringComparison.Ordinal);
        Assert.Contains("Register", anonymous.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/1/update\"", anonymous.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/create\"", anonymous.Text, StringComparison.Ordinal);

        await flaskr.LoginAsync();
        var page = await flaskr.Client.GetAsync("/");
        Assert.Contains("test title", page.Text, StringComparison.Ordinal);
        Assert.Contains("by test on 2018-01-01", page.Text, StringComparison.Ordinal);
        Assert.Contains("test\nbody", page.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/1/update\"", page.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/create\"", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexListsNewestFirstAndEscapesContent()
    {
        using var flaskr = new FlaskrFixture();
        flaskr.WithDb(db => db.Execute("INSERT INTO post (title, body, author_id, created) VALUES (?, ?, 2, ?)", "<b>newer</b>", "x & y", "2019-06-30 12:00:00"));
        var text = (await flaskr.Client.GetAsync("/")).Text;
        var newer = text.IndexOf("&lt;b&gt;newer&lt;/b&gt;", StringComparison.Ordinal);
        Assert.True(newer >= 0);
        Assert.True(newer < text.IndexOf("test title", StringComparison.Ordinal));
        Assert.Contains("by other on 2019-06-30", text, StringComparison.Ordinal);
        Assert.Contains("x &amp; y", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "<hr>"));
    }

    [Theory]
    [InlineData("/create")]
    [InlineData("/1/update")]
    [InlineData("/1/delete")]
    public async Task LoginIsRequired(string path)
    {
        using var flaskr = new FlaskrFixture();
        var response = await flaskr.Client.PostAsync(path);
        Assert.Equal(302, response.StatusCode);
        Assert.Equal("/auth/login", response.Location);
        Assert.Equal(1L, flaskr.WithDb(db => db.Scalar("SELECT count(*) FROM post")));
    }

    [Fact]
    public async Task OnlyTheAuthorMayChangeAPost()
    {
        using var flaskr = new FlaskrFixture();
        flaskr.WithDb(db => db.Execute("UPDATE post SET author_id = 2 WHERE id = 1"));
        await flaskr.LoginAsync();
        Assert.Equal(403, (await flaskr.Client.PostAsync("/1/update")).StatusCode);
        Assert.Equal(403, (await flaskr.Client.PostAsync("/1/delete")).StatusCode);
        Assert.Equal(403, (await flaskr.Client.GetAsync("/1/update")).StatusCode);
        Assert.DoesNotContain("href=\"/1/update\"", (await flaskr.Client.GetAsync("/")).Text, StringComparison.Ordinal);
        Assert.Equal(1L, flaskr.WithDb(db => db.Scalar("SELECT count(*) FROM post")));
    }

    [Theory]
    [InlineData("/2/update")]
    [InlineData("/2/delete")]
    public async Task AMissingPostIsNotFound(string path)
    {
        using var flaskr = new FlaskrFixture();
        await flaskr.LoginAsync();
        var response = await flaskr.Client.PostAsync(path);
        Assert.Equal(404, response.StatusCode);
        Assert.Contains("Post id 2 doesn&#39;t exist.", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAddsAPostByTheCurrentUser()
    {
        using var flaskr = new FlaskrFixture();
        await flaskr.LoginAsync();
        Assert.Equal(200, (await flaskr.Client.GetAsync("/create")).StatusCode);
        var response = await flaskr.Client.PostAsync("/create", data: new { title = "created", body = "" });
        Assert.Equal("/", response.Location);
        Assert.Equal(2L, flaskr.WithDb(db => db.Scalar("SELECT count(id) FROM post")));
        var post = flaskr.WithDb(db => db.FetchOne("SELECT * FROM post WHERE title = 'created'"))!;
        Assert.Equal(1L, post["author_id"]);
        Assert.IsType<DateTime>(post["created"]);
    }

    [Fact]
    public async Task UpdateChangesThePost()
    {
        using var flaskr = new FlaskrFixture();
        await flaskr.LoginAsync();
        var form = await flaskr.Client.GetAsync("/1/update");
        Assert.Equal(200, form.StatusCode);
        Assert.Contains("value=\"test title\"", form.Text, StringComparison.Ordinal);
        Assert.Contains("action=\"/1/delete\"", form.Text, StringComparison.Ordinal);
        var response = await flaskr.Client.PostAsync("/1/update", data: new { title = "updated", body = "" });
        Assert.Equal("/", response.Location);
        var post = flaskr.WithDb(db => db.FetchOne("SELECT * FROM post WHERE id = 1"))!;
        Assert.Equal("updated", post["title"]);
        Assert.Equal("", post["body"]);
    }

    [Theory]
    [InlineData("/create")]
    [InlineData("/1/update")]
    public async Task CreateAndUpdateRequireATitle(string path)
    {
        using var flaskr = new FlaskrFixture();
        await flaskr.LoginAsync();
        var response = await flaskr.Client.PostAsync(path, data: new { title = "", body = "kept body" });
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("<div class=\"flash\">Title is required.</div>", response.Text, StringComparison.Ordinal);
        Assert.Contains(">kept body</textarea>", response.Text, StringComparison.Ordinal);
        Assert.Equal("test title", flaskr.WithDb(db => db.Scalar("SELECT title FROM post WHERE id = 1")));
    }

    [Fact]
    public async Task DeleteRemovesThePost()
    {
        using var flaskr = new FlaskrFixture();
        await flaskr.LoginAsync();
        var response = await flaskr.Client.PostAsync("/1/delete");
        Assert.Equal("/", response.Location);
        Assert.Null(flaskr.WithDb(db => db.FetchOne("SELECT * FROM post WHERE id = 1")));
    }

    [Fact]
    public async Task DeleteOnlyAcceptsPost()
    {
        using var flaskr = new FlaskrFixture();
        await flaskr.LoginAsync();
        Assert.Equal(405, (await flaskr.Client.GetAsync("/1/delete")).StatusCode);
    }
}
