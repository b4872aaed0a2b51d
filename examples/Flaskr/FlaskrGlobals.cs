using Flagon;
using Flagon.Sqlite;

namespace Flaskr;

/// <summary>Typed access to what Flaskr keeps on <c>g</c>: <c>G.User</c> is the logged-in user's row (or null).</summary>
public static class FlaskrGlobals
{
    extension(AppGlobals g)
    {
        /// <summary>The logged-in user (<c>g.user</c> in templates), loaded before each request.</summary>
        public SqliteRow? User
        {
            get => g.Get<SqliteRow>("user");
            set => g["user"] = value;
        }
    }
}
