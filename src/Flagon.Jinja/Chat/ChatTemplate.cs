using System.Collections.Concurrent;
using System.Text.Json;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Chat;

/// <summary>
/// A language-model chat template (the <c>chat_template</c> of a Hugging Face <c>tokenizer_config.json</c>),
/// compiled once in the environment transformers uses and rendered to a prompt exactly as
/// <c>tokenizer.apply_chat_template(..., tokenize=False)</c> renders it. Thread-safe.
/// </summary>
public sealed class ChatTemplate
{
    /// <summary>How many compiled templates <see cref="FromString"/> keeps before it starts over.</summary>
    public const int CacheCapacity = 256;

    private static readonly ConcurrentDictionary<string, Lazy<ChatTemplate>> Cache = new(StringComparer.Ordinal);

    private readonly Template _template;

    private ChatTemplate(string source)
    {
        Source = source;
        _template = ChatEnvironment.Create().FromString(source);
    }

    /// <summary>The template's source text.</summary>
    public string Source { get; }

    /// <summary>
    /// Compiles <paramref name="source"/>, or returns the template already compiled from the same text
    /// (as transformers caches its compiled templates). Throws <see cref="TemplateSyntaxError"/> for a bad template.
    /// </summary>
    public static ChatTemplate FromString(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Cache.Count >= CacheCapacity && !Cache.ContainsKey(source))
        {
            Cache.Clear();
        }
        var lazy = Cache.GetOrAdd(source, s => new Lazy<ChatTemplate>(() => new ChatTemplate(s), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(new KeyValuePair<string, Lazy<ChatTemplate>>(source, lazy));
            throw;
        }
    }

    /// <summary>Renders the prompt for a conversation (see <see cref="ChatRequest"/>).</summary>
    public string Render(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.SerializerOptions;
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messages"] = ChatValues.Convert(request.Messages, options),
            ["tools"] = ChatValues.Convert(request.Tools, options),
            ["documents"] = ChatValues.Convert(request.Documents, options),
            ["add_generation_prompt"] = request.AddGenerationPrompt,
        };
        foreach (var (name, value) in request.SpecialTokens ?? new Dictionary<string, object?>())
        {
            vars[name] = ChatValues.Convert(value, options);
        }
        foreach (var (name, value) in request.Variables ?? new Dictionary<string, object?>())
        {
            vars[name] = ChatValues.Convert(value, options);
        }
        return request.ContinueFinalMessage ? RenderContinuing(vars, request.Clock) : RenderCore(vars, request.Clock);
    }

    /// <summary>Renders the prompt for <paramref name="messages"/> with the common options.</summary>
    public string Render(object? messages, bool addGenerationPrompt = false, object? tools = null, object? documents = null,
        IReadOnlyDictionary<string, object?>? variables = null, TimeProvider? clock = null) =>
        Render(new ChatRequest
        {
            Messages = messages,
            AddGenerationPrompt = addGenerationPrompt,
            Tools = tools,
            Documents = documents,
            Variables = variables,
            Clock = clock,
        });

    /// <summary>
    /// Renders with exactly these variables (a JSON object, dictionary or object: every name the template
    /// reads, as in a recorded <c>render()</c> call); nothing is added. With <paramref name="continueFinalMessage"/>
    /// the prompt ends inside the final message of <c>messages</c> (see <see cref="ChatRequest.ContinueFinalMessage"/>).
    /// </summary>
    public string RenderVariables(object? variables, TimeProvider? clock = null, JsonSerializerOptions? serializerOptions = null,
        bool continueFinalMessage = false)
    {
        var converted = ChatValues.Convert(variables, serializerOptions);
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (converted is PyDict d)
        {
            foreach (var kv in d)
            {
                vars[Ops.Str(kv.Key)] = kv.Value;
            }
        }
        else if (converted is not null)
        {
            throw new ArgumentException("the variables must be a JSON object or a dictionary", nameof(variables));
        }
        return continueFinalMessage ? RenderContinuing(vars, clock) : RenderCore(vars, clock);
    }

    /// <summary>
    /// Renders <paramref name="vars"/> as <c>continue_final_message</c> does: the final message of
    /// <c>messages</c> gets transformers' tag and the prompt is cut where the tag lands. Throws
    /// <see cref="ArgumentException"/> for a request that cannot be continued and a <c>ValueError</c>
    /// <see cref="PythonError"/> when the template does not keep the final message.
    /// </summary>
    private string RenderContinuing(Dictionary<string, object?> vars, TimeProvider? clock)
    {
        vars.TryGetValue("messages", out var messages);
        bool addGenerationPrompt = vars.TryGetValue("add_generation_prompt", out var add) && Ops.Truthy(add);
        var (tagged, finalText) = FinalMessageContinuation.Prepare(messages, addGenerationPrompt, Source);
        vars["messages"] = tagged;
        return FinalMessageContinuation.Cut(RenderCore(vars, clock), finalText);
    }

    private string RenderCore(Dictionary<string, object?> vars, TimeProvider? clock)
    {
        var previous = ChatEnvironment.Clock.Value;
        ChatEnvironment.Clock.Value = clock;
        try
        {
            return _template.Render(vars);
        }
        finally
        {
            ChatEnvironment.Clock.Value = previous;
        }
    }
}
