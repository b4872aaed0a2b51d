using System.Text.Json;

namespace Flagon.Jinja.Chat;

/// <summary>
/// What one <see cref="ChatTemplate.Render(ChatRequest)"/> passes to the template, as
/// transformers' <c>apply_chat_template</c> passes it. Values may be .NET objects, dictionaries,
/// lists or System.Text.Json elements, nodes and documents.
/// </summary>
public sealed class ChatRequest
{
    /// <summary>The conversation: a list of messages (<c>role</c>, <c>content</c>, <c>tool_calls</c>, …).</summary>
    public object? Messages { get; init; }

    /// <summary>The tools' JSON schemas; None when null, as transformers passes <c>tools=None</c>.</summary>
    public object? Tools { get; init; }

    /// <summary>The documents for retrieval-augmented generation; None when null.</summary>
    public object? Documents { get; init; }

    /// <summary>Whether to end the prompt with the start of an assistant turn.</summary>
    public bool AddGenerationPrompt { get; init; }

    /// <summary>
    /// Whether the prompt ends inside the final message instead of closing it (transformers'
    /// <c>continue_final_message</c>): for prefilling the start of the model's answer. Not with <see cref="AddGenerationPrompt"/>.
    /// </summary>
    public bool ContinueFinalMessage { get; init; }

    /// <summary>The tokenizer's special tokens (<c>bos_token</c>, <c>eos_token</c>, …).</summary>
    public IReadOnlyDictionary<string, object?>? SpecialTokens { get; init; }

    /// <summary>Extra variables (<c>enable_thinking</c>, <c>date_string</c>, …); they override special tokens.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The clock <c>strftime_now</c> reads (local time); the system clock when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>How .NET objects that are not dictionaries or lists become dicts (default: snake_case names, nulls omitted).</summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }
}
