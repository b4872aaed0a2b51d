using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Flagon.Exceptions;
using Flagon.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Flagon;

/// <summary>
/// Flask's module-level API for <c>using static Flagon.Globals;</c>: the context locals <see cref="Request"/>,
/// <see cref="G"/>, <see cref="CurrentApp"/> and <see cref="Session"/> (async-local: correct across <c>await</c>
/// and thousands of concurrent requests) and the helpers <c>Abort</c>, <c>Redirect</c>, <c>UrlFor</c>,
/// <c>MakeResponse</c>, <c>Jsonify</c>, <c>SendFile</c>, <c>SendFromDirectory</c>.
/// </summary>
public static class Globals
{
    /// <summary>Flask's message for use of a request-bound global outside a request.</summary>
    public const string OutsideRequestMessage = "Working outside of request context.\n\nThis typically means that you attempted to use functionality that needed\nan active HTTP request. Consult the documentation on testing for\ninformation about how to avoid this problem.";

    /// <summary>Flask's message for use of an app-bound global outside an application context.</summary>
    public const string OutsideAppMessage = "Working outside of application context.\n\nThis typically means that you attempted to use functionality that needed\nthe current application. To solve this, set up an application context\nwith app.AppContext(). See the documentation for more information.";

    private static readonly FileExtensionContentTypeProvider _contentTypes = new();

    /// <summary>The current request (Flask's <c>request</c>).</summary>
    public static FlagonRequest Request => ContextVars.Request.Value?.Request ?? throw new WorkingOutsideOfContextException(OutsideRequestMessage);

    /// <summary>The current application context's <c>g</c>.</summary>
    public static AppGlobals G => ContextVars.App.Value?.G ?? throw new WorkingOutsideOfContextException(OutsideAppMessage);

    /// <summary>The application handling the current request or app context (Flask's <c>current_app</c>).</summary>
    public static FlagonApp CurrentApp => ContextVars.App.Value?.App ?? throw new WorkingOutsideOfContextException(OutsideAppMessage);

    /// <summary>The current session (Flask's <c>session</c>).</summary>
    public static SessionData Session
    {
        get
        {
            var ctx = ContextVars.Request.Value ?? throw new WorkingOutsideOfContextException(OutsideRequestMessage);
            return ctx.Session ??= ctx.App.SessionInterface.MakeNullSession();
        }
    }

    /// <summary>Flashes a message to the next request that reads flashes (Flask's <c>flash</c>), stored in the session; sends <c>message_flashed</c>.</summary>
    public static void Flash(object message, string category = FlashMessages.DefaultCategory)
    {
        FlashMessages.Add(Session, message, category);
        Signals.FlagonSignals.MessageFlashed.Send(CurrentApp, new Signals.MessageFlashedArgs(message, category));
    }

    /// <summary>
    /// The flashed messages, popped from the session once per request (Flask's <c>get_flashed_messages</c>): messages,
    /// or <c>(category, message)</c> tuples with <paramref name="withCategories"/>, optionally filtered by category.
    /// </summary>
    public static IReadOnlyList<object?> GetFlashedMessages(bool withCategories = false, IEnumerable<string>? categoryFilter = null)
    {
        var ctx = ContextVars.Request.Value ?? throw new WorkingOutsideOfContextException(OutsideRequestMessage);
        ctx.Flashes ??= FlashMessages.Pop(Session);
        return FlashMessages.Select(ctx.Flashes, withCategories, categoryFilter);
    }

    /// <summary>True inside an application context (Flask's <c>has_app_context()</c>).</summary>
    public static bool HasAppContext => ContextVars.App.Value is not null;

    /// <summary>True inside a request (Flask's <c>has_request_context()</c>).</summary>
    public static bool HasRequestContext => ContextVars.Request.Value is not null;

    /// <summary>Registers a function to run on this request's response only, before the after-request hooks.</summary>
    public static void AfterThisRequest(Func<Response, Response> hook)
    {
        var ctx = ContextVars.Request.Value ?? throw new WorkingOutsideOfContextException(OutsideRequestMessage);
        ctx.AfterRequestFunctions.Add(r => ValueTask.FromResult(hook(r)));
    }

    /// <summary>Stops the request with the HTTP error <paramref name="code"/> (Werkzeug's exception for it, with its default page).</summary>
    [DoesNotReturn]
    public static void Abort(int code, string? description = null) => throw HttpExceptions.Create(code, description);

    /// <summary>Stops the request and sends <paramref name="response"/> as is.</summary>
    [DoesNotReturn]
    public static void Abort(Response response) => throw new HttpException(null, null, response);

    /// <summary>A redirect response to <paramref name="location"/>: 302 by default, as Flask 3.1 (the Location is sent verbatim).</summary>
    public static Response Redirect(string location, int code = 302)
        => ContextVars.App.Value?.App is { } app ? app.Redirect(location, code) : Helpers.RedirectResponse(location, code);

    /// <summary>Builds a URL for <paramref name="endpoint"/> with the current app (see <see cref="FlagonApp.UrlFor"/>).</summary>
    public static string UrlFor(string endpoint, object? values = null, string? anchor = null, string? method = null, string? scheme = null, bool? external = null)
        => CurrentApp.UrlFor(endpoint, values, anchor, method, scheme, external);

    /// <summary>Renders a template from the app's templates with Flask's context (Flask's <c>render_template</c>); return the string from a view.</summary>
    public static string RenderTemplate(string name, object? context = null) => Templating.FlagonTemplating.RenderTemplate(CurrentApp, name, context);

    /// <summary>Renders template source text, autoescaped (Flask's <c>render_template_string</c>).</summary>
    public static string RenderTemplateString(string source, object? context = null) => Templating.FlagonTemplating.RenderTemplateString(CurrentApp, source, context);

    /// <summary>A response that renders the template while the body is sent (Flask's <c>stream_template</c>).</summary>
    public static Response StreamTemplate(string name, object? context = null) => Templating.FlagonTemplating.StreamTemplate(CurrentApp, name, context);

    /// <summary>An empty 200 response.</summary>
    public static Response MakeResponse() => new();

    /// <summary>Converts a view-style return value (string, tuple, dictionary, object, IResult…) to a mutable <see cref="Response"/>.</summary>
    public static Response MakeResponse(object? rv) => CurrentApp.MakeResponse(rv);

    /// <summary>Flask's <c>make_response(body, status)</c>.</summary>
    public static Response MakeResponse(object? body, int status) => CurrentApp.MakeResponse((body, status));

    /// <summary>Flask's <c>make_response(body, status, headers)</c>.</summary>
    public static Response MakeResponse(object? body, int status, IEnumerable<KeyValuePair<string, string>> headers) => CurrentApp.MakeResponse((body, status, headers));

    /// <summary>A JSON response for one value (dictionary, list, object…), as Flask's <c>jsonify(value)</c>.</summary>
    public static Response Jsonify(object? value) => (ContextVars.App.Value?.App?.Json ?? new Json.DefaultJsonProvider()).Response(value);

    /// <summary>A JSON response for several values: they become a list, as Flask's <c>jsonify(a, b)</c>.</summary>
    public static Response Jsonify(params object?[] values) => Jsonify(values.Length == 0 ? null : (object)values.ToList());

    /// <summary>
    /// Sends a file (Flask's <c>send_file</c>): the MIME type is guessed from the name, conditional requests
    /// (ETag, If-Modified-Since) and ranges are answered by ASP.NET Core. Relative paths resolve against the app root.
    /// With <c>USE_X_SENDFILE</c> the body is empty and an <c>X-Sendfile</c> header names the file for the front server.
    /// Never pass it a path from the user; use <see cref="SendFromDirectory"/>.
    /// </summary>
    public static Response SendFile(string path, string? mimeType = null, bool asAttachment = false, string? downloadName = null, bool conditional = true, bool etag = true, DateTimeOffset? lastModified = null, int? maxAge = null)
    {
        var app = ContextVars.App.Value?.App;
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(app?.RootPath ?? Directory.GetCurrentDirectory(), path));
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"No such file or directory: '{full}'", full);
        }

        downloadName ??= info.Name;
        if (mimeType is null && !_contentTypes.TryGetContentType(downloadName, out mimeType))
        {
            mimeType = "application/octet-stream";
        }

        var modified = lastModified ?? new DateTimeOffset(info.LastWriteTimeUtc);
        EntityTagHeaderValue? tag = null;
        if (etag)
        {
            var checksum = Helpers.Adler32(System.Text.Encoding.UTF8.GetBytes(full));
            tag = new EntityTagHeaderValue($"\"{modified.ToUnixTimeMilliseconds() / 1000.0:0.######}-{info.Length}-{checksum}\"".Replace(',', '.'));
        }

        Response response;
        if (app?.Config.GetBool("USE_X_SENDFILE") == true)
        {
            // USE_X_SENDFILE: the front server (nginx, Apache mod_xsendfile) sends the file; the body stays empty.
            response = new Response(Array.Empty<byte>(), contentType: Response.WithCharset(mimeType));
            response.Headers["X-Sendfile"] = full;
        }
        else
        {
            var result = Results.File(full, Response.WithCharset(mimeType), fileDownloadName: null, lastModified: conditional ? modified : null, entityTag: conditional ? tag : null, enableRangeProcessing: conditional);
            response = new Response(result);
        }

        response.Headers.ContentDisposition = ContentDisposition(asAttachment ? "attachment" : "inline", downloadName);
        maxAge ??= app?.GetSendFileMaxAge(downloadName);
        response.Headers.CacheControl = maxAge is int age ? $"public, max-age={age.ToString(CultureInfo.InvariantCulture)}" : "no-cache";
        if (!conditional)
        {
            response.Headers.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        }

        return response;
    }

    /// <summary>Sends <paramref name="path"/> from inside <paramref name="directory"/> (relative to the app root): a traversal or a missing file is a 404.</summary>
    public static Response SendFromDirectory(string directory, string path, string? mimeType = null, bool asAttachment = false, string? downloadName = null, int? maxAge = null)
    {
        var app = ContextVars.App.Value?.App;
        var root = Path.GetFullPath(Path.IsPathRooted(directory) ? directory : Path.Combine(app?.RootPath ?? Directory.GetCurrentDirectory(), directory));
        var joined = Helpers.SafeJoin(root, path);
        if (joined is null || !File.Exists(joined))
        {
            throw new NotFound();
        }

        return SendFile(joined, mimeType, asAttachment, downloadName, maxAge: maxAge);
    }

    private static string ContentDisposition(string kind, string name)
    {
        if (name.All(c => c < 128))
        {
            return $"{kind}; filename={QuoteHeaderValue(name)}";
        }

        var ascii = new string(name.Normalize(System.Text.NormalizationForm.FormKD).Where(c => c < 128).ToArray());
        return $"{kind}; filename={QuoteHeaderValue(ascii)}; filename*=UTF-8''{Helpers.UrlQuote(name, "!#$&+^`|")}";
    }

    private static string QuoteHeaderValue(string value)
    {
        const string token = "!#$%&'*+-.^_`|~";
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || token.Contains(c, StringComparison.Ordinal)))
        {
            return value;
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
