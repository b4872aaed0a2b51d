namespace Flagon.Exceptions;

/// <summary>Werkzeug's routing redirect (308): a strict-slash, merge-slash, alias or defaults redirect. It never reaches error handlers.</summary>
public class RequestRedirect : HttpException
{
    /// <summary>Creates the redirect to <paramref name="newUrl"/>.</summary>
    public RequestRedirect(string newUrl, int code = 308)
        : base(code, null)
    {
        NewUrl = newUrl;
    }

    /// <summary>The URL the client is sent to.</summary>
    public string NewUrl { get; }

    /// <inheritdoc />
    public override Response GetResponse() => Helpers.RedirectResponse(NewUrl, Code ?? 308);
}
