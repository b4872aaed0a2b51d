namespace Flagon.Security;

/// <summary>Turns values into text and back for a <see cref="UrlSafeTimedSerializer"/> (itsdangerous' <c>serializer</c> argument).</summary>
public interface IPayloadSerializer
{
    /// <summary>Serializes <paramref name="value"/>; throws when a value cannot be represented.</summary>
    string Dumps(object? value);

    /// <summary>Deserializes text made by <see cref="Dumps"/>; throws on malformed text.</summary>
    object? Loads(string text);
}
