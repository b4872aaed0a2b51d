using System.Text.Json;

namespace Flagon.Json;

/// <summary>
/// Flask's JSON provider (<c>app.json</c>): how <c>Jsonify</c>, returned dictionaries/lists/objects,
/// <c>Request.Json</c> and the test client's <c>json:</c> turn values into JSON and back. Swap it with
/// <c>app.Json = new MyProvider()</c>.
/// </summary>
public interface IJsonProvider
{
    /// <summary>Options used for plain .NET objects (POCOs, records, anonymous types) and typed <c>GetJson&lt;T&gt;</c>.</summary>
    JsonSerializerOptions SerializerOptions { get; }

    /// <summary>The mimetype of JSON responses.</summary>
    string MimeType { get; }

    /// <summary>Serializes <paramref name="value"/> (Python's <c>json.dumps</c> defaults: <c>", "</c> and <c>": "</c> separators).</summary>
    string Dumps(object? value);

    /// <summary>Parses JSON text: objects become <c>Dictionary&lt;string, object?&gt;</c>, arrays <c>List&lt;object?&gt;</c>, numbers long/double.</summary>
    object? Loads(string text);

    /// <summary>Builds a JSON response for <paramref name="value"/> (compact unless debug; trailing newline).</summary>
    Response Response(object? value);
}
