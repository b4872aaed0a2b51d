using System.Text;
using Flagon.Exceptions;
using Flagon.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
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
    private long? _maxContentLength;
    private bool _maxContentLengthSet;
    private long? _maxFormMemorySize;
    private bool _maxFormMemorySizeSet;
    private int? _maxFormParts;
    private bool _maxFormPartsSet;

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

    /// <summary>
    /// The body size limit for this request (Flask's <c>max_content_length</c>); defaults to <c>MAX_CONTENT_LENGTH</c>,
    /// null for no limit. Set it from a <c>CreateRequest</c> override or a before-request hook.
    /// </summary>
    public long? MaxContentLength
    {
        get => _maxContentLengthSet ? _maxContentLength : App.Config.Get<long?>("MAX_CONTENT_LENGTH");
        set => (_maxContentLength, _maxContentLengthSet) = (value, true);
    }

    /// <summary>
    /// The largest non-file form field, in bytes, for this request (Flask 3.1's <c>max_form_memory_size</c>; defaults
    /// to <c>MAX_FORM_MEMORY_SIZE</c>, null for no limit): a larger multipart field, or a larger urlencoded body, is a 413.
    /// The body is parsed before the hooks run, so set it from a <c>CreateRequest</c> override.
    /// </summary>
    public long? MaxFormMemorySize
    {
        get => _maxFormMemorySizeSet ? _maxFormMemorySize : App.Config.Get<long?>("MAX_FORM_MEMORY_SIZE");
        set => (_maxFormMemorySize, _maxFormMemorySizeSet) = (value, true);
    }

    /// <summary>
    /// The most parts (fields and files) a multipart body may have for this request (Flask 3.1's <c>max_form_parts</c>;
    /// defaults to <c>MAX_FORM_PARTS</c>, null for no limit); more is a 413. Set it from a <c>CreateRequest</c> override.
    /// </summary>
    public int? MaxFormParts
    {
        get => _maxFormPartsSet ? _maxFormParts : App.Config.Get<int?>("MAX_FORM_PARTS");
        set => (_maxFormParts, _maxFormPartsSet) = (value, true);
    }

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

        // MAX_CONTENT_LENGTH replaces the server's own body limit (Kestrel's 30 MB default) for this request, so a
        // larger configured limit is honoured; unset, the server's limit stays as the last guard.
        if (max is long serverLimit && HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = serverLimit;
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
            _bodyError = await ParseFormAsync(request);
            request.Body.Position = 0;
        }
    }

    /// <summary>
    /// Parses a form body with ASP.NET Core's reader, its limits set from Werkzeug's: a non-file field larger than
    /// <see cref="MaxFormMemorySize"/> or more than <see cref="MaxFormParts"/> multipart parts is a 413; a urlencoded
    /// body larger than <see cref="MaxFormMemorySize"/> is a 413 (Werkzeug's check); a malformed body is a 400.
    /// </summary>
    private async Task<HttpException?> ParseFormAsync(HttpRequest request)
    {
        var memoryLimit = MaxFormMemorySize;
        var partsLimit = MaxFormParts;
        var multipart = MimeType == "multipart/form-data";
        if (!multipart && memoryLimit is long bodyLimit && _body.Length > bodyLimit)
        {
            return new RequestEntityTooLarge();
        }

        // Werkzeug bounds multipart fields and parts (files count as parts); a urlencoded body is bounded as a whole,
        // above. ASP.NET Core counts multipart fields and files separately and applies ValueLengthLimit to urlencoded
        // values only, so the multipart totals are checked again after parsing (in UTF-8 bytes, as Werkzeug counts).
        var options = new FormOptions
        {
            ValueLengthLimit = ClampToInt(memoryLimit),
            ValueCountLimit = multipart ? ClampToInt(partsLimit) : int.MaxValue,
            KeyLengthLimit = int.MaxValue,
            MultipartBodyLengthLimit = MaxContentLength ?? long.MaxValue,
        };
        HttpContext.Features.Set<IFormFeature>(new FormFeature(request, options));
        try
        {
            var form = await request.ReadFormAsync(HttpContext.RequestAborted);
            if (multipart && ((partsLimit is int parts && CountValues(form) + form.Files.Count > parts) || (memoryLimit is long fieldLimit && HasLargerValue(form, fieldLimit))))
            {
                return new RequestEntityTooLarge();
            }

            _form = new MultiDict<string>(form.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? string.Empty))));
            _files = new MultiDict<FileStorage>(form.Files.Select(f => new KeyValuePair<string, FileStorage>(f.Name, new FileStorage(f))));
            return null;
        }
        catch (InvalidDataException e) when (IsLimitError(e))
        {
            return new RequestEntityTooLarge();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new RequestEntityTooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or FormatException or ArgumentException)
        {
            return new BadRequest();
        }
    }

    private static int CountValues(IFormCollection form)
    {
        var count = 0;
        foreach (var (_, values) in form)
        {
            count += Math.Max(values.Count, 1);
        }

        return count;
    }

    private static bool HasLargerValue(IFormCollection form, long limit)
    {
        foreach (var (_, values) in form)
        {
            foreach (var value in values)
            {
                if (value is not null && value.Length > limit / 3 && Encoding.UTF8.GetByteCount(value) > limit)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int ClampToInt(long? limit) => limit is long l ? (int)Math.Clamp(l, 0, int.MaxValue) : int.MaxValue;

    // ASP.NET Core's form and multipart readers report every exceeded limit as "… limit N exceeded."; anything else
    // they throw is a malformed body (an over-long boundary is malformed too: RFC 2046 caps it at 70 characters).
    private static bool IsLimitError(InvalidDataException e)
        => e.Message.Contains(" limit ", StringComparison.Ordinal) && e.Message.Contains("exceeded", StringComparison.Ordinal) && !e.Message.Contains("boundary", StringComparison.OrdinalIgnoreCase);

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
