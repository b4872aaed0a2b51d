using System.Text.Json.Serialization;

namespace MinimalApi;

/// <summary>Source-generated JSON for the /json payload (camelCase, as TechEmpower expects).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonMessage))]
internal sealed partial class AppJsonContext : JsonSerializerContext
{
}
