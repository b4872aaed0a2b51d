using System.Text.Json;
using System.Text.Json.Nodes;
using Flagon.Jinja.Chat;

namespace Flagon.Jinja.Tests.Chat;

/// <summary>The ChatTemplate API: .NET and JSON inputs, transformers' defaults, the cache, the clock, the sandbox.</summary>
public sealed class ChatTemplateApiTests
{
    private static readonly FixedClock RecordedClock = new(new DateTime(2025, 7, 10, 12, 0, 0));

    private sealed record Function(string Name, IReadOnlyDictionary<string, object?> Arguments);

    private sealed record ToolCall(string Id, string Type, Function Function);

    private sealed record Message(string Role, string? Content, IReadOnlyList<ToolCall>? ToolCalls = null, string? ToolCallId = null, string? Name = null);

    private static JsonElement Variables(string template, string scenario) => ChatFixtures.Case(template, scenario).GetProperty("variables");

    [Fact]
    public void RendersNetRecordsAndDictionariesLikeTheRecordedJson()
    {
        var v = Variables("chatml-qwen.jinja", "tool-call");
        var arguments = new Dictionary<string, object?> { ["city"] = "Paris", ["unit"] = "celsius", ["days"] = 2, ["score"] = 1.0 };
        var messages = new List<Message>
        {
            new("user", "What is the capital of France?"),
            new("assistant", null, [new ToolCall("call12345", "function", new Function("get_weather", arguments))]),
            new("tool", "{\"temperature\": 21.5, \"sky\": \"clear\"}", ToolCallId: "call12345", Name: "get_weather"),
            new("assistant", "It is 21.5 °C and clear in Paris."),
            new("user", "Und von Deutschland? 日本の首都は？ 🚀\u3000"),
        };
        string prompt = ChatTemplate.FromString(ChatFixtures.Template("chatml-qwen.jinja")).Render(new ChatRequest
        {
            Messages = messages,
            Tools = v.GetProperty("tools"),
            AddGenerationPrompt = true,
            SpecialTokens = new Dictionary<string, object?> { ["bos_token"] = "<s>", ["eos_token"] = "</s>" },
        });
        Assert.Equal(ChatFixtures.Expected("chatml-qwen.jinja", "tool-call"), prompt);
    }

    [Fact]
    public void TakesJsonNodesAndDocuments()
    {
        var v = Variables("llama3-tools.jinja", "tool-call");
        using var messages = JsonDocument.Parse(v.GetProperty("messages").GetRawText());
        string prompt = ChatTemplate.FromString(ChatFixtures.Template("llama3-tools.jinja")).Render(new ChatRequest
        {
            Messages = messages,
            Tools = JsonNode.Parse(v.GetProperty("tools").GetRawText()),
            AddGenerationPrompt = true,
            SpecialTokens = new Dictionary<string, object?> { ["bos_token"] = "<s>", ["eos_token"] = "</s>", ["unk_token"] = "<unk>" },
            Clock = RecordedClock,
        });
        Assert.Equal(ChatFixtures.Expected("llama3-tools.jinja", "tool-call"), prompt);
    }

    [Fact]
    public void ToolsAndDocumentsAreNoneWhenUnused()
    {
        var t = ChatTemplate.FromString("{{ tools is defined }} {{ tools is none }} {{ documents }} {{ add_generation_prompt }}");
        Assert.Equal("True True None False", t.Render(new ChatRequest { Messages = Array.Empty<object>() }));
    }

    [Fact]
    public void VariablesOverrideSpecialTokens()
    {
        var t = ChatTemplate.FromString("{{ bos_token }}|{{ enable_thinking }}");
        string s = t.Render(new ChatRequest
        {
            SpecialTokens = new Dictionary<string, object?> { ["bos_token"] = "<s>" },
            Variables = new Dictionary<string, object?> { ["bos_token"] = "<BOS>", ["enable_thinking"] = false },
        });
        Assert.Equal("<BOS>|False", s);
    }

    [Fact]
    public void RaiseExceptionIsATemplateErrorWithTheMessage()
    {
        var t = ChatTemplate.FromString(ChatFixtures.Template("mistral-tools.jinja"));
        var e = Assert.Throws<TemplateError>(() => t.RenderVariables(Variables("mistral-tools.jinja", "raise-alternation")));
        Assert.Equal("TemplateError", e.Kind);
        Assert.Equal(ChatFixtures.Case("mistral-tools.jinja", "raise-alternation").GetProperty("error").GetString(), "TemplateError: " + e.BareMessage);
    }

    [Fact]
    public void SyntaxErrorsSurfaceWhenCompiling() =>
        Assert.Throws<TemplateSyntaxError>(() => ChatTemplate.FromString("{% for m in messages %}{% do m %}{% endfor %}"));

    [Theory]
    [InlineData("{{ messages.append(1) }}", "access to attribute 'append' of 'list' object is unsafe.")]
    [InlineData("{% set d = {} %}{{ d.update({1: 2}) }}", "access to attribute 'update' of 'dict' object is unsafe.")]
    [InlineData("{{ messages[0].pop('role') }}", "access to attribute 'pop' of 'dict' object is unsafe.")]
    public void RunsInTheImmutableSandbox(string source, string message)
    {
        var e = Assert.Throws<SecurityError>(() => ChatTemplate.FromString(source).Render(new[] { new Dictionary<string, object?> { ["role"] = "user" } }));
        Assert.Equal(message, e.BareMessage);
    }

    [Fact]
    public void CachesByTextAndIsThreadSafe()
    {
        string source = "{% for m in messages %}{{ m.role }}:{{ m.content }};{% endfor %}" + Guid.NewGuid().ToString("N");
        var templates = new ChatTemplate[64];
        var outputs = new string[64];
        Parallel.For(0, 64, i =>
        {
            templates[i] = ChatTemplate.FromString(source);
            outputs[i] = templates[i].Render(new[] { new { role = "user", content = "n" + i } });
        });
        Assert.All(templates, t => Assert.Same(templates[0], t));
        for (int i = 0; i < 64; i++)
        {
            Assert.StartsWith($"user:n{i};", outputs[i], StringComparison.Ordinal);
        }
        Assert.NotSame(templates[0], ChatTemplate.FromString(source + " "));
    }

    [Fact]
    public void FailedCompilationsAreNotCached()
    {
        string source = "{% if %}" + Guid.NewGuid().ToString("N");
        Assert.Throws<TemplateSyntaxError>(() => ChatTemplate.FromString(source));
        Assert.Throws<TemplateSyntaxError>(() => ChatTemplate.FromString(source));
    }

    [Fact]
    public void StrftimeNowReadsTheRequestClock()
    {
        var t = ChatTemplate.FromString("{{ strftime_now('%d %b %Y %H:%M') }}");
        var results = new string[2];
        Parallel.Invoke(
            () => results[0] = t.Render(Array.Empty<object>(), clock: new FixedClock(new DateTime(2025, 7, 10, 12, 0, 0))),
            () => results[1] = t.Render(Array.Empty<object>(), clock: new FixedClock(DateTimeOffset.Parse("2024-02-29T23:30:00+05:30", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("10 Jul 2025 12:00", results[0]);
        Assert.Equal("29 Feb 2024 23:30", results[1]);
    }

    [Fact]
    public void StrftimeNowDefaultsToTheSystemClock()
    {
        var before = DateTime.Now;
        string s = ChatTemplate.FromString("{{ strftime_now('%Y-%m-%d %H:%M') }}").Render(Array.Empty<object>());
        var after = DateTime.Now;
        Assert.Contains(s, new[] { before.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), after.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) });
    }

    [Fact]
    public void DeeplyNestedInputIsAClearError()
    {
        object? value = "x";
        for (int i = 0; i < 2000; i++)
        {
            value = new List<object?> { value };
        }
        Assert.Throws<TemplateError>(() => ChatTemplate.FromString("{{ messages|length }}").Render(value));
    }
}
