using Flagon;
using Flagon.Security;
using Flagon.Sqlite;
using Microsoft.Data.Sqlite;
using static Flagon.Globals;

namespace Flaskr;

/// <summary>The tutorial's <c>auth</c> blueprint: register, log in, log out, and the logged-in user on <c>g</c>.</summary>
public static class Auth
{
    /// <summary>The config key naming the password hash method (Werkzeug's format); Flagon's PBKDF2 default when unset.</summary>
    public const string HashMethodKey = "PASSWORD_HASH_METHOD";

    /// <summary>
    /// The <c>auth</c> blueprint under <c>/auth</c>: endpoints <c>auth.register</c>, <c>auth.login</c>, <c>auth.logout</c>,
    /// and an app-wide before-request hook loading <c>G.User</c>.
    /// </summary>
    public static Blueprint CreateBlueprint()
    {
        var bp = new Blueprint("auth", urlPrefix: "/auth");
        bp.BeforeAppRequest(LoadLoggedInUser);
        bp.Route("/register", RegisterView, methods: ["GET", "POST"], endpoint: "register");
        bp.Route("/login", Login, methods: ["GET", "POST"], endpoint: "login");
        bp.Route("/logout", Logout, endpoint: "logout");
        return bp;
    }

    /// <summary>Runs <paramref name="view"/> for a logged-in user; anyone else is sent to the login page (the tutorial's <c>login_required</c>).</summary>
    public static object? LoginRequired(Func<object?> view) => G.User is null ? Redirect(UrlFor("auth.login")) : view();

    /// <summary>Loads the user whose id the session holds into <c>G.User</c> (null when nobody is logged in).</summary>
    public static void LoadLoggedInUser()
    {
        var userId = Session.Get("user_id");
        G.User = userId is null ? null : Db.GetDb().FetchOne("SELECT * FROM user WHERE id = ?", userId);
    }

    /// <summary>GET shows the form; POST validates, stores the new user with a hashed password and redirects to the login page.</summary>
    public static object? RegisterView()
    {
        if (Request.Method == "POST")
        {
            var username = Request.Form["username"];
            var password = Request.Form["password"];
            string? error = null;
            if (string.IsNullOrEmpty(username))
            {
                error = "Username is required.";
            }
            else if (string.IsNullOrEmpty(password))
            {
                error = "Password is required.";
            }

            if (error is null)
            {
                try
                {
                    var method = CurrentApp.Config.Get<string>(HashMethodKey) ?? PasswordHash.DefaultMethod;
                    Db.GetDb().Execute("INSERT INTO user (username, password) VALUES (?, ?)", username, PasswordHash.Generate(password, method));
                    return Redirect(UrlFor("auth.login"));
                }
                catch (SqliteException e) when (e.IsIntegrityError())
                {
                    error = $"User {username} is already registered.";
                }
            }

            Flash(error!);
        }

        return RenderTemplate("auth/register.html");
    }

    /// <summary>GET shows the form; POST checks the password and stores the user's id in a fresh session.</summary>
    public static object? Login()
    {
        if (Request.Method == "POST")
        {
            var username = Request.Form["username"];
            var password = Request.Form["password"];
            string? error = null;
            var user = Db.GetDb().FetchOne("SELECT * FROM user WHERE username = ?", username);
            if (user is null)
            {
                error = "Incorrect username.";
            }
            else if (!PasswordHash.Check((string)user["password"]!, password))
            {
                error = "Incorrect password.";
            }

            if (error is null)
            {
                Session.Clear();
                Session["user_id"] = user!["id"];
                return Redirect(UrlFor("index"));
            }

            Flash(error!);
        }

        return RenderTemplate("auth/login.html");
    }

    /// <summary>Forgets the logged-in user.</summary>
    public static object? Logout()
    {
        Session.Clear();
        return Redirect(UrlFor("index"));
    }
}
