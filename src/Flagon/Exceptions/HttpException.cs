using System.Text;

namespace Flagon.Exceptions;

/// <summary>
/// Werkzeug's <c>HTTPException</c>: an exception that is also a response. Raise a subclass (or call
/// <c>Abort(code)</c>) and Flagon answers with its status and Werkzeug's default HTML page.
/// </summary>
public class HttpException : Exception
{
    /// <summary>Creates an HTTP exception for <paramref name="code"/> (null for a code-less one) with an optional description and response.</summary>
    public HttpException(int? code, string? description = null, Response? response = null, Exception? innerException = null)
        : base(code is int c ? $"{c} {HttpStatus.ReasonPhrase(c)}: {description ?? HttpStatus.DefaultDescription(c)}" : description ?? "HTTP exception", innerException)
    {
        Code = code;
        Description = description ?? (code is int d ? HttpStatus.DefaultDescription(d) : null);
        Response = response;
    }

    /// <summary>The status code, or null for a code-less exception (which error handlers never see).</summary>
    public int? Code { get; }

    /// <summary>The reason phrase, e.g. "Not Found".</summary>
    public string Name => Code is int c ? HttpStatus.ReasonPhrase(c) : "Unknown Error";

    /// <summary>The text of the page's paragraph; Werkzeug's default for the code unless given.</summary>
    public string? Description { get; set; }

    /// <summary>A response to send instead of the default page (<c>Abort(response)</c>).</summary>
    public Response? Response { get; }

    /// <summary>The HTML body, byte-identical to Werkzeug's default error page.</summary>
    public virtual string GetBody()
    {
        var description = Html.Escape(Description ?? string.Empty).Replace("\n", "<br>", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=en>\n<title>").Append(Code).Append(' ').Append(Html.Escape(Name)).Append("</title>\n");
        sb.Append("<h1>").Append(Html.Escape(Name)).Append("</h1>\n");
        sb.Append("<p>").Append(description).Append("</p>\n");
        return sb.ToString();
    }

    /// <summary>Headers of the default response; <c>Content-Type</c> first, subclasses add theirs (e.g. <c>Allow</c>).</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> GetHeaders()
    {
        yield return new("Content-Type", "text/html; charset=utf-8");
    }

    /// <summary>The response for this exception: <see cref="Response"/> if given, otherwise the default page.</summary>
    public virtual Response GetResponse()
    {
        if (Response is not null)
        {
            return Response;
        }

        var response = new Response(GetBody(), Code ?? 500);
        foreach (var header in GetHeaders())
        {
            response.Headers[header.Key] = header.Value;
        }

        return response;
    }
}
