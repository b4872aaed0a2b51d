using System.Net;
using System.Text;
using Flagon.Exceptions;

namespace Flagon.Testing;

/// <summary>A response received by the <see cref="TestClient"/>: status, headers, body as bytes, text or JSON.</summary>
public sealed class TestResponse
{
    private readonly FlagonApp _app;

    internal TestResponse(FlagonApp app, HttpResponseMessage message, byte[] data, IReadOnlyList<TestResponse> history)
    {
        _app = app;
        Message = message;
        Data = data;
        History = history;
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in message.Headers.NonValidated.Concat(message.Content.Headers.NonValidated))
        {
            if (!headers.TryGetValue(key, out var list))
            {
                headers[key] = list = [];
            }

            list.AddRange(values);
        }

        Headers = headers.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The raw HTTP response message.</summary>
    public HttpResponseMessage Message { get; }

    /// <summary>The status code.</summary>
    public int StatusCode => (int)Message.StatusCode;

    /// <summary>Werkzeug's status string ("404 NOT FOUND").</summary>
    public string Status => IsDefaultReason(Message.ReasonPhrase) ? HttpStatus.StatusLine(StatusCode) : $"{StatusCode} {Message.ReasonPhrase}";

    /// <summary>All headers (response and content), case-insensitive, each with all its values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body bytes.</summary>
    public byte[] Data { get; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <summary>The responses that were redirects, when the request followed redirects.</summary>
    public IReadOnlyList<TestResponse> History { get; }

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(", ", values) : null;

    /// <summary>The full <c>Content-Type</c>.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>The content type without parameters.</summary>
    public string? MimeType => ContentType?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The <c>Location</c> header.</summary>
    public string? Location => Header("Location");

    /// <summary>The body parsed with the app's JSON provider (dictionaries, lists, long, double…); null for a non-JSON response.</summary>
    public object? Json => MimeType is "application/json" || (MimeType?.EndsWith("+json", StringComparison.Ordinal) ?? false) ? _app.Json.Loads(Text) : null;

    /// <summary>The body deserialized to <typeparamref name="T"/> with System.Text.Json.</summary>
    public T? GetJson<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(Data, _app.Json.SerializerOptions);

    private bool IsDefaultReason(string? reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return true;
        }

        using var probe = new HttpResponseMessage((HttpStatusCode)StatusCode);
        return reason == HttpStatus.ReasonPhrase(StatusCode)
            || reason == probe.ReasonPhrase
            || reason == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(StatusCode);
    }

    /// <inheritdoc />
    public override string ToString() => $"<TestResponse {Status} {ContentType}>";

    internal bool IsRedirect => Message.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
