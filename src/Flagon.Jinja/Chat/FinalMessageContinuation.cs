using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Chat;

/// <summary>
/// transformers' <c>continue_final_message</c>: a tag is appended to the final message's text (the last
/// text block when the content is a list), the chat is rendered, and the prompt is cut where the tag
/// lands, so it ends inside the final message (for prefilling the start of an assistant answer).
/// </summary>
internal static class FinalMessageContinuation
{
    /// <summary>The marker transformers appends; its trailing space tells whether the template kept the message's end.</summary>
    public const string Tag = "CONTINUE_FINAL_MESSAGE_TAG ";

    private const string Field = "content";

    /// <summary>
    /// Checks the request as <c>apply_chat_template</c> does and returns the messages to render (copies where
    /// the tag is added; the caller's data is not changed) and the final message's text.
    /// </summary>
    public static (object Messages, string FinalText) Prepare(object? messages, bool addGenerationPrompt, string templateSource)
    {
        if (addGenerationPrompt)
        {
            throw new ArgumentException("continue_final_message and add_generation_prompt are not compatible. Use "
                + "continue_final_message when you want the model to continue the final message, and add_generation_prompt "
                + "when you want to add a header that will prompt it to start a new assistant message instead.");
        }
        var list = messages switch
        {
            List<object?> l => l,
            PyTuple t => new List<object?>(t),
            _ => null,
        };
        if (list is not { Count: > 0 } || list[^1] is not PyDict last)
        {
            throw new ArgumentException("continue_final_message is set but there is no final message to continue");
        }
        if (!last.TryGetValue(Field, out var content) || content is null)
        {
            throw new ArgumentException($"continue_final_message is set but the final message has no \"{Field}\" to continue!");
        }
        if (!templateSource.Contains(Field, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"continue_final_message is set to \"{Field}\" but this is not an accepted field in the chat_template");
        }
        var copy = new PyDict(last);
        string finalText;
        switch (content)
        {
            case string text:
                finalText = text;
                copy[Field] = text + Tag;
                break;
            case List<object?> or PyTuple:
                var blocks = new List<object?>((IEnumerable<object?>)content);
                int at = blocks.FindLastIndex(b => b is PyDict d && d.ContainsKey("text"));
                if (at < 0 || ((PyDict)blocks[at]!)["text"] is not string blockText)
                {
                    throw new ArgumentException("continue_final_message is set but we could not find any text to continue in the final message!");
                }
                finalText = blockText;
                blocks[at] = new PyDict((PyDict)blocks[at]!) { ["text"] = blockText + Tag };
                copy[Field] = content is PyTuple ? PyTuple.From(blocks) : blocks;
                break;
            default:
                throw new ArgumentException($"continue_final_message is set but the final message's \"{Field}\" is not text");
        }
        var result = new List<object?>(list);
        result[^1] = copy;
        return (messages is PyTuple ? PyTuple.From(result) : result, finalText);
    }

    /// <summary>
    /// Cuts the rendered prompt at the tag: right before it when the template kept the tag's trailing space,
    /// else before it with trailing whitespace removed (the template trimmed the message).
    /// </summary>
    public static string Cut(string rendered, string finalText)
    {
        string bareTag = Tag.TrimEnd();
        if (!rendered.Contains(PyStr.Strip(finalText, null), StringComparison.Ordinal)
            || !rendered.Contains(bareTag, StringComparison.Ordinal))
        {
            throw new PythonError("ValueError", "continue_final_message is set but the final message does not appear in the chat after "
                + "applying the chat template! This can happen if the chat template deletes portions of the final message. "
                + "Please verify the chat template and final message in your chat to ensure they are compatible.");
        }
        int at = rendered.LastIndexOf(bareTag, StringComparison.Ordinal);
        return string.CompareOrdinal(rendered, at, Tag, 0, Tag.Length) == 0
            ? rendered[..at]
            : PyStr.Strip(rendered[..at], null, left: false);
    }
}
