namespace Flagon.Exceptions;

/// <summary>A missing key in <c>Args</c>, <c>Form</c> or <c>Files</c>: a 400, as Werkzeug's <c>BadRequestKeyError</c> (a <c>KeyError</c> too).</summary>
public class BadRequestKeyError : BadRequest
{
    /// <summary>Creates the error for the missing <paramref name="key"/>.</summary>
    public BadRequestKeyError(string key)
        : base()
    {
        Key = key;
    }

    /// <summary>The key that was asked for.</summary>
    public string Key { get; }
}
