using System.Collections;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Testing;

/// <summary>
/// Flask's test client over ASP.NET Core's <see cref="TestServer"/>: requests run through the app's real
/// pipeline in memory. Send forms, JSON, raw data, files, headers and query strings; follow redirects; keep
/// cookies across requests.
/// </summary>
public sealed class TestClient : IDisposable
{
    private readonly FlagonApp _app;
    private readonly TestServer _server;
    private readonly HttpClient _http;

    internal TestClient(FlagonApp app, bool useCookies)
    {
        _app = app;
        _server = new TestServer(app.ServiceProvider);
        var factory = app.ServiceProvider.GetRequiredService<IHttpContextFactory>();
        ((IServer)_server).StartAsync(new PipelineApplication(app.BuildRequestDelegate(), factory), CancellationToken.None).GetAwaiter().GetResult();
        _http = _server.CreateClient();
        _http.BaseAddress = new Uri("http://localhost/");
        Cookies = useCookies ? new CookieContainer() : null;
    }

    /// <summary>The cookie jar (null when cookies are off); it replaces a manual <c>Cookie</c> header.</summary>
    public CookieContainer? Cookies { get; }

    /// <summary>The underlying HttpClient (absolute base address <c>http://localhost/</c>).</summary>
    public HttpClient HttpClient => _http;

    /// <summary>Sets a cookie in the jar for <c>localhost</c>.</summary>
    public void SetCookie(string key, string value, string path = "/")
        => (Cookies ?? throw new InvalidOperationException("Cookies are disabled. Create a client with useCookies: true.")).Add(new Uri("http://localhost/"), new Cookie(key, value, path));

    /// <summary>The cookie <paramref name="key"/> from the jar, or null.</summary>
    public Cookie? GetCookie(string key) => Cookies?.GetAllCookies().FirstOrDefault(c => c.Name == key);

    /// <summary>Sends a GET request.</summary>
    public Task<TestResponse> GetAsync(string path, object? query = null, object? headers = null, bool followRedirects = false)
        => OpenAsync(path, "GET", query: query, headers: headers, followRedirects: followRedirects);

    /// <summary>Sends a POST request.</summary>
    public Task<TestResponse> PostAsync(string path, object? data = null, object? json = null, object? form = null, IReadOnlyDictionary<string, TestFile>? files = null, object? query = null, object? headers = null, string? contentType = null, bool followRedirects = false)
        => OpenAsync(path, "POST", data, json, form, files, query, headers, contentType, followRedirects);

    /// <summary>Sends a PUT request.</summary>
    public Task<TestResponse> PutAsync(string path, object? data = null, object? json = null, object? form = null, IReadOnlyDictionary<string, TestFile>? files = null, object? query = null, object? headers = null, string? contentType = null, bool followRedirects = false)
        => OpenAsync(path, "PUT", data, json, form, files, query, headers, contentType, followRedirects);

    /// <summary>Sends a PATCH request.</summary>
    public Task<TestResponse> PatchAsync(string path, object? data = null, object? json = null, object? form = null, object? query = null, object? headers = null, string? contentType = null, bool followRedirects = false)
        => OpenAsync(path, "PATCH", data, json, form, null, query, headers, contentType, followRedirects);

    /// <summary>Sends a DELETE request.</summary>
    public Task<TestResponse> DeleteAsync(string path, object? query = null, object? headers = null, bool followRedirects = false)
        => OpenAsync(path, "DELETE", query: query, headers: headers, followRedirects: followRedirects);

    /// <summary>Sends a HEAD request.</summary>
    public Task<TestResponse> HeadAsync(string path, object? query = null, object? headers = null)
        => OpenAsync(path, "HEAD", query: query, headers: headers);

    /// <summary>Sends an OPTIONS request.</summary>
    public Task<TestResponse> OptionsAsync(string path, object? headers = null)
        => OpenAsync(path, "OPTIONS", headers: headers);

    /// <summary>Synchronous GET (for short tests).</summary>
    public TestResponse Get(string path, object? query = null, object? headers = null, bool followRedirects = false)
        => GetAsync(path, query, headers, followRedirects).GetAwaiter().GetResult();

    /// <summary>Synchronous POST.</summary>
    public TestResponse Post(string path, object? data = null, object? json = null, object? form = null, IReadOnlyDictionary<string, TestFile>? files = null, object? query = null, object? headers = null, string? contentType = null, bool followRedirects = false)
        => PostAsync(path, data, json, form, files, query, headers, contentType, followRedirects).GetAwaiter().GetResult();

    /// <summary>Synchronous PUT.</summary>
    public TestResponse Put(string path, object? data = null, object? json = null, object? form = null, object? query = null, object? headers = null, string? contentType = null)
        => PutAsync(path, data, json, form, null, query, headers, contentType).GetAwaiter().GetResult();

    /// <summary>Synchronous DELETE.</summary>
    public TestResponse Delete(string path, object? query = null, object? headers = null)
        => DeleteAsync(path, query, headers).GetAwaiter().GetResult();

    /// <summary>Synchronous request with any method.</summary>
    public TestResponse Open(string path, string method = "GET", object? data = null, object? json = null, object? form = null, IReadOnlyDictionary<string, TestFile>? files = null, object? query = null, object? headers = null, string? contentType = null, bool followRedirects = false)
        => OpenAsync(path, method, data, json, form, files, query, headers, contentType, followRedirects).GetAwaiter().GetResult();

    /// <summary>
    /// Sends a request. <paramref name="data"/> is a raw body (string, bytes) or, as a dictionary/anonymous object,
    /// a form; <paramref name="json"/> is serialized with the app's provider; <paramref name="files"/> makes a
    /// multipart body; <paramref name="query"/> is a string or name/value pairs; <paramref name="headers"/> are pairs.
    /// </summary>
    public async Task<TestResponse> OpenAsync(string path, string method = "GET", object? data = null, object? json = null, object? form = null, IReadOnlyDictionary<string, TestFile>? files = null, object? query = null, object? headers = null, string? contentType = null, bool followRedirects = false)
    {
        var uri = BuildUri(path, query);
        var history = new List<TestResponse>();
        var content = BuildContent(data, json, form, files, contentType);
        var headerPairs = Pairs(headers).ToList();
        var response = await SendAsync(method, uri, content, headerPairs, history);
        var hops = 0;
        while (followRedirects && response.IsRedirect && response.Location is { } location)
        {
            if (++hops > 20)
            {
                throw new InvalidOperationException("Too many redirects (loop?).");
            }

            history.Add(response);
            uri = new Uri(uri, location);
            var keepBody = response.StatusCode is 307 or 308;
            if (!keepBody)
            {
                method = method == "HEAD" ? "HEAD" : "GET";
                content = null;
            }
            else
            {
                content = BuildContent(data, json, form, files, contentType);
            }

            response = await SendAsync(method, uri, content, headerPairs, history);
        }

        return response;
    }

    private async Task<TestResponse> SendAsync(string method, Uri uri, HttpContent? content, List<KeyValuePair<string, string>> headers, List<TestResponse> history)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), uri) { Content = content };
        foreach (var (key, value) in headers)
        {
            if (Cookies is not null && key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(key, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.Remove(key);
                message.Content.Headers.TryAddWithoutValidation(key, value);
            }
        }

        if (Cookies is not null && Cookies.GetCookieHeader(uri) is { Length: > 0 } cookieHeader)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        }

        var response = await _http.SendAsync(message);
        var data = await response.Content.ReadAsByteArrayAsync();
        if (Cookies is not null && response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                try
                {
                    Cookies.SetCookies(uri, setCookie);
                }
                catch (CookieException)
                {
                }
            }
        }

        return new TestResponse(_app, response, data, history.ToList());
    }

    private Uri BuildUri(string path, object? query)
    {
        var uri = new Uri(_http.BaseAddress!, path);
        var extra = query switch
        {
            null => string.Empty,
            string s => s.TrimStart('?'),
            _ => string.Join("&", Pairs(query).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))),
        };
        if (extra.Length == 0)
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? extra : builder.Query.TrimStart('?') + "&" + extra;
        return builder.Uri;
    }

    private HttpContent? BuildContent(object? data, object? json, object? form, IReadOnlyDictionary<string, TestFile>? files, string? contentType)
    {
        HttpContent? content = null;
        if (json is not null)
        {
            content = new ByteArrayContent(Encoding.UTF8.GetBytes(_app.Json.Dumps(json)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        else if (data is string text)
        {
            content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        }
        else if (data is byte[] bytes)
        {
            content = new ByteArrayContent(bytes);
        }
        else if (data is Stream stream)
        {
            content = new StreamContent(stream);
        }
        else if (data is not null || form is not null || files is not null)
        {
            var fields = Pairs(data).Concat(Pairs(form)).ToList();
            if (files is { Count: > 0 })
            {
                var multipart = new MultipartFormDataContent();
                foreach (var (key, value) in fields)
                {
                    multipart.Add(new StringContent(value), key);
                }

                foreach (var (field, file) in files)
                {
                    var part = new ByteArrayContent(file.Content);
                    part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
                    multipart.Add(part, field, file.FileName);
                }

                content = multipart;
            }
            else
            {
                content = new FormUrlEncodedContent(fields);
            }
        }

        if (contentType is not null)
        {
            content ??= new ByteArrayContent([]);
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(object? values)
    {
        switch (values)
        {
            case null:
                yield break;
            case IEnumerable<KeyValuePair<string, string>> pairs:
                foreach (var p in pairs)
                {
                    yield return p;
                }

                yield break;
            case IEnumerable<KeyValuePair<string, object?>> objects:
                foreach (var p in objects)
                {
                    foreach (var v in Values(p.Value))
                    {
                        yield return new(p.Key, v);
                    }
                }

                yield break;
            case IEnumerable<(string, string)> tuples:
                foreach (var (k, v) in tuples)
                {
                    yield return new(k, v);
                }

                yield break;
            case IDictionary dictionary:
                foreach (DictionaryEntry e in dictionary)
                {
                    foreach (var v in Values(e.Value))
                    {
                        yield return new(Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture)!, v);
                    }
                }

                yield break;
        }

        foreach (var property in values.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            foreach (var v in Values(property.GetValue(values)))
            {
                yield return new(property.Name, v);
            }
        }
    }

    private static IEnumerable<string> Values(object? value) => value switch
    {
        null => [],
        string s => [s],
        bool b => [b ? "True" : "False"],
        IEnumerable e => e.Cast<object?>().Select(x => Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
        _ => [Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty],
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }
}
