using System.Text;
using Flagon.Exceptions;
using Flagon.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Flagon;

/// <summary>
/// Flask's <c>request</c>: a friendly, read-mostly view over ASP.NET Core's <see cref="HttpRequest"/> with
/// Werkzeug's names (<c>Args</c>, <c>Form</c>, <c>Files</c>, <c>Json</c>, <c>Data</c>, <c>ViewArgs</c>…).
/// The body is read once, before the hooks run, so every accessor here is synchronous.
/// </summary>
public class FlagonRequest
{
    private MultiDict<string>? _args;
    private IReadOnlyList<string>? _blueprints;
    private MultiDict<string>? _form;
    private MultiDict<FileStorage>? _files;
    private MultiDict<string>? _cookies;
    private byte[] _body = [];
    private HttpException? _bodyError;
    private bool _jsonLoaded;
    private object? _json;
    private HttpException? _jsonError;

    /// <summary>Wraps the ASP.NET Core request of <paramref name="httpContext"/> for <paramref name="app"/>.</summary>
    public FlagonRequest(HttpContext httpContext, FlagonApp app)
    {
        HttpContext = httpContext;
        App = app;
    }

    /// <summary>The ASP.NET Core context of this request.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The ASP.NET Core request underneath.</summary>
    public HttpRequest AspNetRequest => HttpContext.Request;

    /// <summary>The application handling the request.</summary>
    public FlagonApp App { get; }

    /// <summary>The request method, upper-case.</summary>
    public string Method => AspNetRequest.Method.ToUpperInvariant();

    /// <summary>The path below the script root, percent-decoded ("/" at least), Werkzeug's <c>path</c>.</summary>
    public string Path => AspNetRequest.Path.HasValue ? AspNetRequest.Path.Value! : "/";

    /// <summary>The raw query string without the <c>?</c>.</summary>
    public string QueryString => AspNetRequest.QueryString.HasValue ? AspNetRequest.QueryString.Value![1..] : string.Empty;

    /// <summary>The path and query, always with a <c>?</c> (Werkzeug's <c>full_path</c>).</summary>
    public string FullPath => Path + "?" + QueryString;

    /// <summary>The mount point of the app (ASP.NET Core's PathBase), "" at the root.</summary>
    public string ScriptRoot => AspNetRequest.PathBase.Value ?? string.Empty;

    /// <summary>The full URL, with the query string.</summary>
    public string Url => AspNetRequest.GetEncodedUrl();

    /// <summary>The URL without the query string.</summary>
    public string BaseUrl => $"{Scheme}://{Host}{AspNetRequest.PathBase.ToUriComponent()}{AspNetRequest.Path.ToUriComponent()}";

    /// <summary>Scheme, host and script root, ending in "/".</summary>
    public string UrlRoot => $"{Scheme}://{Host}{AspNetRequest.PathBase.ToUriComponent()}/";

    /// <summary>Scheme and host, ending in "/".</summary>
    public string HostUrl => $"{Scheme}://{Host}/";

    /// <summary>The host (and port when not default) the client asked for.</summary>
    public string Host => AspNetRequest.Host.HasValue ? AspNetRequest.Host.Value! : "localhost";

    /// <summary>"http" or "https".</summary>
    public string Scheme => AspNetRequest.Scheme;

    /// <summary>True over HTTPS.</summary>
    public bool IsSecure => AspNetRequest.IsHttps;

    /// <summary>The request headers.</summary>
    public IHeaderDictionary Headers => AspNetRequest.Headers;

    /// <summary>The full <c>Content-Type</c> header.</summary>
    public string? ContentType => AspNetRequest.ContentType;

    /// <summary>The content type without parameters, lower-case ("" when absent).</summary>
    public string MimeType => (ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The <c>Content-Length</c> header.</summary>
    public long? ContentLength => AspNetRequest.ContentLength;

    /// <summary>The client's address.</summary>
    public string? RemoteAddr => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>The <c>User-Agent</c> header.</summary>
    public string? UserAgent => Headers.UserAgent.Count == 0 ? null : Headers.UserAgent.ToString();

    /// <summary>The <c>Referer</c> header.</summary>
    public string? Referrer => Headers.Referer.Count == 0 ? null : Headers.Referer.ToString();

    /// <summary>The <c>Origin</c> header.</summary>
    public string? Origin => Headers.Origin.Count == 0 ? null : Headers.Origin.ToString();

    /// <summary>The query arguments (Werkzeug's <c>args</c>); malformed escapes are kept as text, never an error.</summary>
    public MultiDict<string> Args => _args ??= ParseQuery(QueryString);

    /// <summary>The form fields of a urlencoded or multipart body.</summary>
    public MultiDict<string> Form
    {
        get
        {
            ThrowIfBodyError();
            return _form ??= new MultiDict<string>();
        }
    }

    /// <summary>The uploaded files of a multipart body.</summary>
    public MultiDict<FileStorage> Files
    {
        get
        {
            ThrowIfBodyError();
            return _files ??= new MultiDict<FileStorage>();
        }
    }

    /// <summary>Args and form combined (Werkzeug's <c>values</c>); args first.</summary>
    public MultiDict<string> Values => new(Args.Items().Concat(Form.Items()));

    /// <summary>The request cookies.</summary>
    public MultiDict<string> Cookies => _cookies ??= new MultiDict<string>(AspNetRequest.Cookies.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)));

    /// <summary>The raw body, unless it was a form (then empty, as Werkzeug's <c>data</c>).</summary>
    public byte[] Data => IsForm ? [] : GetData();

    /// <summary>The raw body bytes, whatever the content type.</summary>
    public byte[] GetData()
    {
        ThrowIfBodyError();
        return _body;
    }

    /// <summary>The raw body as UTF-8 text.</summary>
    public string GetDataAsText() => Encoding.UTF8.GetString(GetData());

    /// <summary>True for <c>application/json</c> and <c>application/*+json</c>.</summary>
    public bool IsJson => MimeType == "application/json" || (MimeType.StartsWith("application/", StringComparison.Ordinal) && MimeType.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>The parsed JSON body (<c>GetJson()</c>): 415 if the body is not JSON, 400 if it does not parse.</summary>
    public object? Json => GetJson();

    /// <summary>
    /// Parses the body as JSON with the app's provider: objects become dictionaries, arrays lists, numbers
    /// long/double. <paramref name="force"/> ignores the content type; <paramref name="silent"/> returns null on failure.
    /// </summary>
    public object? GetJson(bool force = false, bool silent = false)
    {
        if (!force && !IsJson)
        {
            return silent ? null : throw new UnsupportedMediaType("Did not attempt to load JSON data because the request Content-Type was not 'application/json'.");
        }

        if (!_jsonLoaded)
        {
            _jsonLoaded = true;
            try
            {
                _json = App.Json.Loads(Encoding.UTF8.GetString(GetData()));
            }
            catch (Exception e) when (e is not HttpException)
            {
                _jsonError = new BadRequest(App.Debug ? $"Failed to decode JSON object: {e.Message}" : null);
            }
        }

        if (_jsonError is not null)
        {
            return silent ? null : throw _jsonError;
        }

        return _json;
    }

    /// <summary>Deserializes the JSON body to <typeparamref name="T"/> with System.Text.Json (the provider's options); 400 when it does not fit.</summary>
    public T? GetJson<T>(bool force = false)
    {
        if (!force && !IsJson)
        {
            throw new UnsupportedMediaType("Did not attempt to load JSON data because the request Content-Type was not 'application/json'.");
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(GetData(), App.Json.SerializerOptions);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadRequest(App.Debug ? $"Failed to decode JSON object: {e.Message}" : null);
        }
    }

    /// <summary>The rule that matched, or null (404, 405, redirect).</summary>
    public Rule? UrlRule { get; internal set; }

    /// <summary>The endpoint of the matched rule, or null.</summary>
    public string? Endpoint => UrlRule?.Endpoint;

    /// <summary>
    /// The registered name of the blueprint the matched endpoint belongs to (<c>parent.child</c> when nested), or null
    /// for app routes and unmatched requests (Flask's <c>request.blueprint</c>).
    /// </summary>
    public string? Blueprint
    {
        get
        {
            var endpoint = Endpoint;
            var dot = endpoint?.LastIndexOf('.') ?? -1;
            if (dot <= 0)
            {
                return null;
            }

            var name = endpoint![..dot];
            return App.Blueprints.ContainsKey(name) ? name : null;
        }
    }

    /// <summary>The current blueprint and its parents, innermost first (Flask's <c>request.blueprints</c>); empty outside a blueprint.</summary>
    public IReadOnlyList<string> Blueprints => UrlRule is null ? [] : _blueprints ??= Blueprint is { } name ? FlagonApp.SplitBlueprintPath(name) : [];

    /// <summary>The converted rule variables passed to the handler (mutable, for URL value preprocessors); null when nothing matched.</summary>
    public IDictionary<string, object?>? ViewArgs { get; internal set; }

    /// <summary>The routing error (404, 405, 308 redirect) raised after the before-request hooks; null on a match.</summary>
    public HttpException? RoutingException { get; internal set; }

    /// <summary>The body size limit for this request; defaults to <c>MAX_CONTENT_LENGTH</c>.</summary>
    public long? MaxContentLength { get; set; }

    private bool IsForm => MimeType is "application/x-www-form-urlencoded" or "multipart/form-data";

    /// <summary>Reads the body into memory (up to <see cref="MaxContentLength"/>) and parses forms; errors are kept and raised on access.</summary>
    internal async Task LoadBodyAsync()
    {
        var request = AspNetRequest;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody)
        {
            return;
        }

        var max = MaxContentLength;
        if (max is long limit && request.ContentLength > limit)
        {
            _bodyError = new RequestEntityTooLarge();
            return;
        }

        try
        {
            using var memory = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, HttpContext.RequestAborted)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (max is long l && memory.Length > l)
                {
                    _bodyError = new RequestEntityTooLarge();
                    return;
                }
            }

            _body = memory.ToArray();
        }
        catch (BadHttpRequestException e)
        {
            _bodyError = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? new RequestEntityTooLarge() : new BadRequest();
            return;
        }

        request.Body = new MemoryStream(_body, writable: false);
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(HttpContext.RequestAborted);
                _form = new MultiDict<string>(form.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? string.Empty))));
                _files = new MultiDict<FileStorage>(form.Files.Select(f => new KeyValuePair<string, FileStorage>(f.Name, new FileStorage(f))));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or FormatException)
            {
                _bodyError = new BadRequest();
            }

            request.Body.Position = 0;
        }
    }

    private void ThrowIfBodyError()
    {
        if (_bodyError is not null)
        {
            throw _bodyError;
        }
    }

    private static MultiDict<string> ParseQuery(string query)
    {
        var result = new MultiDict<string>();
        foreach (var pair in new QueryStringEnumerable(query))
        {
            var name = pair.DecodeName().ToString();
            if (name.Length == 0 && pair.EncodedValue.Length == 0)
            {
                continue;
            }

            result.Add(name, pair.DecodeValue().ToString());
        }

        return result;
    }
}
