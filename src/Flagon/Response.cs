using System.Globalization;
using System.Text;
using Flagon.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Flagon;

/// <summary>
/// Flask's <c>Response</c>: a buffered, mutable response (status, headers, body) that after-request hooks can
/// change before it is written. The body is bytes, a stream of text chunks, or an ASP.NET Core <see cref="IResult"/>.
/// It is an <see cref="IResult"/> itself, so it can be returned from plain minimal-API endpoints too.
/// </summary>
public class Response : IResult
{
    private const string HtmlUtf8 = "text/html; charset=utf-8";
    private const string PlainUtf8 = "text/plain; charset=utf-8";

    // The largest text body (in UTF-8 bytes) encoded into a single span of the response writer.
    private const int DirectEncodeLimit = 64 * 1024;

    // The buffered body: bytes, or (until someone reads Data) the text it was made from, encoded as it is written.
    private byte[]? _data = [];
    private string? _text;
    private string? _reason;

    // Headers are made on first use; until then the only header a response can have is its Content-Type, kept here.
    private IHeaderDictionary? _headers;
    private string? _contentType;

    /// <summary>The mimetype used when none is given: <c>text/html</c>, as Flask's (Werkzeug's is text/plain).</summary>
    public const string DefaultMimeType = "text/html";

    /// <summary>Creates a response with a text body (UTF-8), a status and optional headers and mimetype.</summary>
    public Response(string? body = null, int status = 200, IEnumerable<KeyValuePair<string, string>>? headers = null, string? mimeType = null, string? contentType = null)
    {
        if (body is { Length: > 0 })
        {
            _data = null;
            _text = body;
        }

        StatusCode = status;
        Init(headers, mimeType, contentType);
    }

    /// <summary>Creates a response with a binary body.</summary>
    public Response(byte[] body, int status = 200, IEnumerable<KeyValuePair<string, string>>? headers = null, string? mimeType = null, string? contentType = null)
    {
        _data = body;
        StatusCode = status;
        Init(headers, mimeType, contentType);
    }

    /// <summary>Creates a streamed response: each chunk is written and flushed as it is produced (chunked transfer).</summary>
    public Response(IAsyncEnumerable<string> stream, int status = 200, IEnumerable<KeyValuePair<string, string>>? headers = null, string? mimeType = null, string? contentType = null)
    {
        Stream = stream;
        StatusCode = status;
        Init(headers, mimeType, contentType);
    }

    /// <summary>Wraps an ASP.NET Core result; headers and cookies set here are applied before it executes.</summary>
    public Response(IResult result)
    {
        Result = result;
        StatusCode = result is IStatusCodeHttpResult { StatusCode: int code } ? code : 200;
    }

    private void Init(IEnumerable<KeyValuePair<string, string>>? headers, string? mimeType, string? contentType)
    {
        if (headers is not null)
        {
            foreach (var (key, value) in headers)
            {
                Headers.Append(key, value);
            }
        }

        if (contentType is not null)
        {
            ContentType = contentType;
        }
        else if (mimeType is not null || (_headers is null ? _contentType is null : !_headers.ContainsKey("Content-Type")))
        {
            MimeType = mimeType ?? DefaultMimeType;
        }
    }

    /// <summary>The status code.</summary>
    public int StatusCode { get; set; }

    /// <summary>The status string, "200 OK" style (Werkzeug upper-cases the reason); setting "410 GONE" sets code and reason.</summary>
    public string Status
    {
        get => _reason is null ? HttpStatus.StatusLine(StatusCode) : $"{StatusCode} {_reason}";
        set
        {
            var text = value.Trim();
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var codeText = space < 0 ? text : text[..space];
            if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                throw new ArgumentException($"Invalid status '{value}': it must start with a status code.", nameof(value));
            }

            StatusCode = code;
            _reason = space < 0 ? null : text[(space + 1)..].Trim();
        }
    }

    /// <summary>The response headers (case-insensitive, multi-valued).</summary>
    public IHeaderDictionary Headers => _headers ?? MakeHeaders();

    /// <summary>The full <c>Content-Type</c> header.</summary>
    public string? ContentType
    {
        get => _headers is null ? _contentType : _headers.ContentType.Count == 0 ? null : _headers.ContentType.ToString();
        set
        {
            if (_headers is null)
            {
                _contentType = value;
            }
            else
            {
                _headers.ContentType = value;
            }
        }
    }

    /// <summary>The mimetype without parameters; setting a text type adds <c>; charset=utf-8</c> as Werkzeug does.</summary>
    public string? MimeType
    {
        get => ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        set => ContentType = value is null ? null : WithCharset(value);
    }

    /// <summary>The <c>Location</c> header.</summary>
    public string? Location
    {
        get => Headers.Location.Count == 0 ? null : Headers.Location.ToString();
        set => Headers.Location = value;
    }

    /// <summary>The streamed body, when the response streams.</summary>
    public IAsyncEnumerable<string>? Stream { get; }

    /// <summary>The wrapped ASP.NET Core result, when the body comes from one (files, <c>Results.*</c>).</summary>
    public IResult? Result { get; }

    /// <summary>True when the body is not buffered (a stream or an <see cref="IResult"/>).</summary>
    public bool IsStreamed => Stream is not null || Result is not null;

    /// <summary>The buffered body bytes; a streamed body cannot be read this way.</summary>
    public byte[] Data
    {
        get => IsStreamed ? throw new InvalidOperationException("The response is streamed; its body is not buffered.") : _data ??= Encoding.UTF8.GetBytes(_text!);
        set
        {
            _data = IsStreamed ? throw new InvalidOperationException("The response is streamed; its body cannot be replaced.") : value;
            _text = null;
        }
    }

    /// <summary>The body decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <summary>Returns the body (bytes).</summary>
    public byte[] GetData() => Data;

    /// <summary>Replaces the body with UTF-8 text.</summary>
    public void SetData(string text) => Data = Encoding.UTF8.GetBytes(text);

    /// <summary>Replaces the body with bytes.</summary>
    public void SetData(byte[] data) => Data = data;

    /// <summary>Adds a <c>Set-Cookie</c> header in Werkzeug's format (Domain, Expires, Max-Age, Secure, HttpOnly, Path, SameSite).</summary>
    public void SetCookie(string key, string value = "", int? maxAge = null, DateTimeOffset? expires = null, string? path = "/", string? domain = null, bool secure = false, bool httpOnly = false, string? sameSite = null, bool partitioned = false)
    {
        if (maxAge is int age && expires is null)
        {
            expires = DateTimeOffset.UtcNow.AddSeconds(age);
        }

        Headers.Append("Set-Cookie", Cookies.Dump(key, value, maxAge, expires, path, domain, secure, httpOnly, sameSite, partitioned));
    }

    /// <summary>Deletes a cookie on the client: an empty value that expired at the epoch, <c>Max-Age=0</c>.</summary>
    public void DeleteCookie(string key, string? path = "/", string? domain = null, bool secure = false, bool httpOnly = false, string? sameSite = null)
        => Headers.Append("Set-Cookie", Cookies.Dump(key, string.Empty, 0, DateTimeOffset.UnixEpoch, path, domain, secure, httpOnly, sameSite, false));

    /// <summary>Writes status, headers and body to ASP.NET Core's response (no body for HEAD, keeping Content-Length).</summary>
    public virtual async Task ExecuteAsync(HttpContext httpContext)
    {
        var target = httpContext.Response;
        target.StatusCode = StatusCode;
        if (_reason is not null && httpContext.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = _reason;
        }

        if (_headers is null)
        {
            if (_contentType is not null)
            {
                target.Headers.ContentType = _contentType;
            }
        }
        else
        {
            CopyHeaders(_headers, target);
        }

        var isHead = HttpMethods.IsHead(httpContext.Request.Method);
        if (Result is not null)
        {
            await Result.ExecuteAsync(httpContext);
            return;
        }

        if (Stream is not null)
        {
            target.Headers.ContentLength = null;
            if (isHead)
            {
                return;
            }

            await target.StartAsync(httpContext.RequestAborted);
            await foreach (var chunk in Stream.WithCancellation(httpContext.RequestAborted))
            {
                if (chunk.Length == 0)
                {
                    continue;
                }

                await target.Body.WriteAsync(Encoding.UTF8.GetBytes(chunk), httpContext.RequestAborted);
                await target.Body.FlushAsync(httpContext.RequestAborted);
            }

            return;
        }

        if (_data is null)
        {
            // A text body goes from the string straight into the response's buffer: no intermediate byte array.
            var text = _text!;
            var length = Encoding.UTF8.GetByteCount(text);
            target.ContentLength = length;
            if (!isHead)
            {
                // Started first (as HttpResponse.WriteAsync does), so the bytes go after the headers, not into a side buffer.
                // Without the request's abort token (as HttpResponse.WriteAsync): a buffered body needs no cancelling (the
                // server completes the writes of an aborted connection), and Kestrel makes that token under a lock on first use.
                if (!target.HasStarted)
                {
                    await target.StartAsync(CancellationToken.None);
                }

                // A page of the usual size is encoded once into one span of the known length (EncodingExtensions.GetBytes
                // would count the bytes again); a large body goes in the writer's own pieces.
                var writer = target.BodyWriter;
                if (length <= DirectEncodeLimit)
                {
                    writer.Advance(Encoding.UTF8.GetBytes(text, writer.GetSpan(length)));
                }
                else
                {
                    Encoding.UTF8.GetBytes(text, writer);
                }

                await writer.FlushAsync(CancellationToken.None);
            }

            return;
        }

        target.ContentLength = _data.Length;
        if (!isHead && _data.Length > 0)
        {
            await target.Body.WriteAsync(_data, CancellationToken.None);
        }
    }

    private void CopyHeaders(IHeaderDictionary headers, HttpResponse target)
    {
        if (headers is HeaderDictionary dictionary)
        {
            // The struct enumerator: no boxed enumerator per response.
            foreach (var (key, values) in dictionary)
            {
                CopyHeader(key, values, target);
            }

            return;
        }

        foreach (var (key, values) in headers)
        {
            CopyHeader(key, values, target);
        }
    }

    private void CopyHeader(string key, Microsoft.Extensions.Primitives.StringValues values, HttpResponse target)
    {
        if (Result is not null && key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (target.Headers.TryGetValue(key, out var existing) && existing.Count > 0)
        {
            if (key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                target.Headers[key] = Microsoft.Extensions.Primitives.StringValues.Concat(values, existing);
                return;
            }

            if (key.Equals("Vary", StringComparison.OrdinalIgnoreCase))
            {
                var fields = values.Concat(existing).SelectMany(v => (v ?? string.Empty).Split(',')).Select(f => f.Trim()).Where(f => f.Length > 0);
                target.Headers[key] = string.Join(", ", fields.Distinct(StringComparer.OrdinalIgnoreCase));
                return;
            }
        }

        target.Headers[key] = values;
    }

    private IHeaderDictionary MakeHeaders()
    {
        IHeaderDictionary headers = new HeaderDictionary();
        if (_contentType is not null)
        {
            headers.ContentType = _contentType;
            _contentType = null;
        }

        return _headers = headers;
    }

    internal static string WithCharset(string mimeType)
    {
        switch (mimeType)
        {
            case DefaultMimeType:
                return HtmlUtf8;
            case "text/plain":
                return PlainUtf8;
        }

        if (mimeType.Contains(';', StringComparison.Ordinal))
        {
            return mimeType;
        }

        var lower = mimeType.ToLowerInvariant();
        var isText = lower.StartsWith("text/", StringComparison.Ordinal)
            || lower is "application/ecmascript" or "application/javascript" or "application/sql" or "application/xml" or "application/xml-dtd" or "application/xml-external-parsed-entity"
            || lower.EndsWith("+xml", StringComparison.Ordinal);
        return isText ? mimeType + "; charset=utf-8" : mimeType;
    }
}
