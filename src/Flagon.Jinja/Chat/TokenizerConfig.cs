using System.Text.Json;

namespace Flagon.Jinja.Chat;

/// <summary>
/// The chat-related parts of a Hugging Face <c>tokenizer_config.json</c>: the <c>chat_template</c>
/// (one string, or a list of <c>{"name", "template"}</c> entries such as <c>default</c> and
/// <c>tool_use</c>) and the special tokens transformers passes to every render.
/// </summary>
public sealed class TokenizerConfig
{
    /// <summary>The special-token attributes transformers' <c>special_tokens_map</c> reads, in its order.</summary>
    private static readonly string[] SpecialTokenNames =
        ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token", "additional_special_tokens"];

    private TokenizerConfig(string? single, IReadOnlyDictionary<string, string> named, IReadOnlyDictionary<string, object?> specialTokens)
    {
        ChatTemplateSource = single;
        NamedTemplates = named;
        SpecialTokens = specialTokens;
    }

    /// <summary>The template when <c>chat_template</c> is a single string (null otherwise).</summary>
    public string? ChatTemplateSource { get; }

    /// <summary>The templates by name when <c>chat_template</c> is a list (empty otherwise).</summary>
    public IReadOnlyDictionary<string, string> NamedTemplates { get; }

    /// <summary>
    /// <c>special_tokens_map</c>: each special token the tokenizer defines (<c>bos_token</c>, <c>eos_token</c>, …,
    /// <c>additional_special_tokens</c> as a list), as its text; unset and empty ones are left out.
    /// </summary>
    public IReadOnlyDictionary<string, object?> SpecialTokens { get; }

    /// <summary>Reads a <c>tokenizer_config.json</c> file.</summary>
    public static TokenizerConfig Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses the text of a <c>tokenizer_config.json</c>; a malformed file is a <see cref="FormatException"/>.</summary>
    public static TokenizerConfig Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"tokenizer_config.json is not valid JSON: {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("tokenizer_config.json must hold a JSON object");
            }
            string? single = null;
            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("chat_template", out var template))
            {
                switch (template.ValueKind)
                {
                    case JsonValueKind.String:
                        single = template.GetString();
                        break;
                    case JsonValueKind.Array:
                        foreach (var entry in template.EnumerateArray())
                        {
                            if (entry.ValueKind != JsonValueKind.Object
                                || !entry.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                                || !entry.TryGetProperty("template", out var text) || text.ValueKind != JsonValueKind.String)
                            {
                                throw new FormatException("each entry of a chat_template list needs a string 'name' and 'template'");
                            }
                            named[name.GetString()!] = text.GetString()!;
                        }
                        break;
                    case JsonValueKind.Object:
                        foreach (var p in template.EnumerateObject())
                        {
                            if (p.Value.ValueKind != JsonValueKind.String)
                            {
                                throw new FormatException($"chat_template '{p.Name}' must be a string");
                            }
                            named[p.Name] = p.Value.GetString()!;
                        }
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        throw new FormatException("chat_template must be a string or a list of named templates");
                }
            }
            var tokens = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var name in SpecialTokenNames)
            {
                if (!root.TryGetProperty(name, out var value))
                {
                    continue;
                }
                if (value.ValueKind == JsonValueKind.Array)
                {
                    var list = value.EnumerateArray().Select(TokenText).Where(t => t is not null).Cast<object?>().ToList();
                    if (list.Count > 0)
                    {
                        tokens[name] = list;
                    }
                }
                else if (TokenText(value) is { Length: > 0 } text)
                {
                    tokens[name] = text;
                }
            }
            return new TokenizerConfig(single, named, tokens);
        }
    }

    /// <summary>A token as a string, or an <c>AddedToken</c> object's <c>content</c>.</summary>
    private static string? TokenText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Object when e.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String => c.GetString(),
        _ => null,
    };

    /// <summary>
    /// The template source as transformers' <c>get_chat_template</c> picks it: <paramref name="name"/> when
    /// given; otherwise <c>tool_use</c> when tools are passed and it exists, else <c>default</c>.
    /// Throws <see cref="InvalidOperationException"/> when there is no such template.
    /// </summary>
    public string GetTemplateSource(string? name = null, bool hasTools = false)
    {
        if (ChatTemplateSource is not null)
        {
            if (name is not null && name != "default")
            {
                throw new InvalidOperationException($"this tokenizer has a single chat template, not one named '{name}'");
            }
            return ChatTemplateSource;
        }
        if (NamedTemplates.Count == 0)
        {
            throw new InvalidOperationException("this tokenizer_config.json has no chat_template");
        }
        if (name is not null)
        {
            return NamedTemplates.TryGetValue(name, out var named) ? named
                : throw new InvalidOperationException($"no chat template named '{name}' (this tokenizer has: {string.Join(", ", NamedTemplates.Keys)})");
        }
        if (hasTools && NamedTemplates.TryGetValue("tool_use", out var toolUse))
        {
            return toolUse;
        }
        return NamedTemplates.TryGetValue("default", out var dflt) ? dflt
            : throw new InvalidOperationException(
                $"this tokenizer has several chat templates and none is named 'default'; choose one of: {string.Join(", ", NamedTemplates.Keys)}");
    }

    /// <summary>The compiled template <see cref="GetTemplateSource"/> picks (cached by <see cref="ChatTemplate.FromString"/>).</summary>
    public ChatTemplate GetChatTemplate(string? name = null, bool hasTools = false) => ChatTemplate.FromString(GetTemplateSource(name, hasTools));

    /// <summary>
    /// Renders <paramref name="request"/> with the template chosen for it and this tokenizer's special tokens
    /// (the request's own <see cref="ChatRequest.SpecialTokens"/> and variables win).
    /// </summary>
    public string Render(ChatRequest request, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tokens = new Dictionary<string, object?>(SpecialTokens, StringComparer.Ordinal);
        foreach (var (k, v) in request.SpecialTokens ?? new Dictionary<string, object?>())
        {
            tokens[k] = v;
        }
        var merged = new ChatRequest
        {
            Messages = request.Messages,
            Tools = request.Tools,
            Documents = request.Documents,
            AddGenerationPrompt = request.AddGenerationPrompt,
            ContinueFinalMessage = request.ContinueFinalMessage,
            SpecialTokens = tokens,
            Variables = request.Variables,
            Clock = request.Clock,
            SerializerOptions = request.SerializerOptions,
        };
        bool hasTools = request.Tools is not (null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined });
        return GetChatTemplate(name, hasTools).Render(merged);
    }
}
