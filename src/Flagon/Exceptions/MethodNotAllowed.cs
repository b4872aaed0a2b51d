namespace Flagon.Exceptions;

/// <summary>405 Method Not Allowed: Werkzeug's <c>MethodNotAllowed</c>; its response carries an <c>Allow</c> header with the valid methods.</summary>
public class MethodNotAllowed : HttpException
{
    /// <summary>Creates the exception; <paramref name="validMethods"/> become the <c>Allow</c> header.</summary>
    public MethodNotAllowed(IEnumerable<string>? validMethods = null, string? description = null, Response? response = null)
        : base(405, description, response)
    {
        ValidMethods = validMethods?.ToArray();
    }

    /// <summary>The methods the URL accepts, or null when unknown.</summary>
    public IReadOnlyList<string>? ValidMethods { get; }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> GetHeaders()
    {
        foreach (var header in base.GetHeaders())
        {
            yield return header;
        }

        if (ValidMethods is not null)
        {
            yield return new("Allow", string.Join(", ", ValidMethods));
        }
    }
}
