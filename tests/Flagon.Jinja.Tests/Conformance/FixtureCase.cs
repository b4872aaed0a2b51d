using System.Text.Json;

namespace Flagon.Jinja.Tests.Conformance;

/// <summary>One recorded case of a fixture file (see Fixtures/README.md for the format).</summary>
public sealed class FixtureCase
{
    public required string Name { get; init; }

    public required string File { get; init; }

    public required string Template { get; init; }

    public required IReadOnlyDictionary<string, string> Templates { get; init; }

    /// <summary>The context as raw JSON; converted to engine values for each run.</summary>
    public required JsonElement Context { get; init; }

    public required JsonElement Options { get; init; }

    public string? Expected { get; init; }

    public FixtureError? Error { get; init; }

    /// <summary>The area: the part of the name before the slash (= the file name).</summary>
    public string Area => Name[..Name.IndexOf('/')];

    public static FixtureCase Parse(JsonElement element, string file)
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in element.GetProperty("templates").EnumerateObject())
        {
            templates[t.Name] = t.Value.GetString()!;
        }
        FixtureError? error = null;
        if (element.GetProperty("error") is { ValueKind: JsonValueKind.Object } e)
        {
            error = new FixtureError(
                e.GetProperty("kind").GetString()!,
                e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "",
                e.TryGetProperty("lineno", out var l) ? l.GetInt32() : null,
                e.TryGetProperty("name", out var n) ? n.GetString() : null);
        }
        var expected = element.GetProperty("expected");
        return new FixtureCase
        {
            Name = element.GetProperty("name").GetString()!,
            File = file,
            Template = element.GetProperty("template").GetString()!,
            Templates = templates,
            Context = element.GetProperty("context").Clone(),
            Options = element.GetProperty("options").Clone(),
            Expected = expected.ValueKind == JsonValueKind.Null ? null : expected.GetString(),
            Error = error,
        };
    }
}

/// <summary>The error Jinja2 raised for a case.</summary>
public sealed record FixtureError(string Kind, string Message, int? LineNumber, string? TemplateName)
{
    /// <summary>Compile-time errors, whose messages are stable enough to compare.</summary>
    public bool IsSyntaxKind => Kind is "TemplateSyntaxError" or "TemplateAssertionError";
}
