using Flagon;
using Flagon.Sqlite;
using static Flagon.Globals;

namespace Flaskr;

/// <summary>The tutorial's <c>blog</c> blueprint: the index of posts and the author's create, update and delete views.</summary>
public static class Blog
{
    private const string PostQuery = "SELECT p.id, title, body, created, author_id, username FROM post p JOIN user u ON p.author_id = u.id";

    /// <summary>
    /// The <c>blog</c> blueprint at the root: <c>/</c> (<c>blog.index</c>), <c>/create</c>, <c>/&lt;int:id&gt;/update</c>
    /// and <c>/&lt;int:id&gt;/delete</c>.
    /// </summary>
    public static Blueprint CreateBlueprint()
    {
        var bp = new Blueprint("blog");
        bp.Route("/", Index, endpoint: "index");
        bp.Route("/create", Create, methods: ["GET", "POST"], endpoint: "create");
        bp.Route("/<int:id>/update", Update, methods: ["GET", "POST"], endpoint: "update");
        bp.Route("/<int:id>/delete", Delete, methods: ["POST"], endpoint: "delete");
        return bp;
    }

    /// <summary>All posts, newest first.</summary>
    public static object? Index()
    {
        var posts = Db.GetDb().FetchAll(PostQuery + " ORDER BY created DESC, p.id DESC");
        return RenderTemplate("blog/index.html", new { posts });
    }

    /// <summary>
    /// The post <paramref name="id"/> with its author's name: 404 when it does not exist, 403 when
    /// <paramref name="checkAuthor"/> and it is not the current user's.
    /// </summary>
    public static SqliteRow GetPost(long id, bool checkAuthor = true)
    {
        var post = Db.GetDb().FetchOne(PostQuery + " WHERE p.id = ?", id);
        if (post is null)
        {
            Abort(404, $"Post id {id} doesn't exist.");
        }

        if (checkAuthor && !Equals(post!["author_id"], G.User?["id"]))
        {
            Abort(403);
        }

        return post!;
    }

    /// <summary>A new post by the current user.</summary>
    public static object? Create() => Auth.LoginRequired(() =>
    {
        if (Request.Method == "POST")
        {
            var title = Request.Form["title"];
            var body = Request.Form["body"];
            if (string.IsNullOrEmpty(title))
            {
                Flash("Title is required.");
            }
            else
            {
                Db.GetDb().Execute("INSERT INTO post (title, body, author_id) VALUES (?, ?, ?)", title, body, G.User!["id"]);
                return Redirect(UrlFor("blog.index"));
            }
        }

        return RenderTemplate("blog/create.html");
    });

    /// <summary>Edits one of the current user's posts.</summary>
    public static object? Update(long id) => Auth.LoginRequired(() =>
    {
        var post = GetPost(id);
        if (Request.Method == "POST")
        {
            var title = Request.Form["title"];
            var body = Request.Form["body"];
            if (string.IsNullOrEmpty(title))
            {
                Flash("Title is required.");
            }
            else
            {
                Db.GetDb().Execute("UPDATE post SET title = ?, body = ? WHERE id = ?", title, body, id);
                return Redirect(UrlFor("blog.index"));
            }
        }

        return RenderTemplate("blog/update.html", new { post });
    });

    /// <summary>Deletes one of the current user's posts.</summary>
    public static object? Delete(long id) => Auth.LoginRequired(() =>
    {
        GetPost(id);
        Db.GetDb().Execute("DELETE FROM post WHERE id = ?", id);
        return Redirect(UrlFor("blog.index"));
    });
}
