using Flagon.Jinja.Chat;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Tests.Chat;

/// <summary>
/// transformers' <c>continue_final_message</c> through the .NET API (the recorded renders are in
/// ChatTemplateFixtureTests, scenarios <c>continue-*</c>; the CLI flag in ChatCliTests).
/// </summary>
public sealed class ContinueFinalMessageTests
{
    private const string ChatMl = "{% for m in messages %}<|{{ m.role }}|>\n{{ m.content }}<|end|>\n{% endfor %}"
        + "{% if add_generation_prompt %}<|assistant|>\n{% endif %}";

    private static readonly List<Dictionary<string, object?>> Partial =
    [
        new() { ["role"] = "user", ["content"] = "Capital of France?" },
        new() { ["role"] = "assistant", ["content"] = "The capital is" },
    ];

    [Fact]
    public void TheRecordsAndDictionariesRenderAsTheRecordedCase()
    {
        var messages = new List<Dictionary<string, object?>>
        {
            new() { ["role"] = "system", ["content"] = "You are a helpful assistant — answer <b>briefly</b> & \"exactly\".  " },
            new() { ["role"] = "user", ["content"] = "What is the capital of France?" },
            new() { ["role"] = "assistant", ["content"] = "The capital of France is" },
        };
        string prompt = ChatTemplate.FromString(ChatFixtures.Template("chatml-qwen.jinja")).Render(new ChatRequest
        {
            Messages = messages,
            ContinueFinalMessage = true,
            SpecialTokens = new Dictionary<string, object?> { ["bos_token"] = "<s>", ["eos_token"] = "</s>", ["unk_token"] = "<unk>" },
        });
        Assert.Equal(ChatFixtures.Expected("chatml-qwen.jinja", "continue"), prompt);
    }

    [Fact]
    public void ThePromptEndsInsideTheFinalMessageAndTheInputIsUnchanged()
    {
        var t = ChatTemplate.FromString(ChatMl);
        Assert.Equal("<|user|>\nCapital of France?<|end|>\n<|assistant|>\nThe capital is",
            t.Render(new ChatRequest { Messages = Partial, ContinueFinalMessage = true }));
        Assert.Equal("The capital is", Partial[1]["content"]);
        Assert.EndsWith("The capital is<|end|>\n", t.Render(Partial));
    }

    [Fact]
    public void ATupleOfMessagesIsContinuedToo()
    {
        var messages = PyTuple.From([new PyDict { ["role"] = "user", ["content"] = "Hi" }, new PyDict { ["role"] = "assistant", ["content"] = "Hello," }]);
        Assert.Equal("<|user|>\nHi<|end|>\n<|assistant|>\nHello,",
            ChatTemplate.FromString(ChatMl).Render(new ChatRequest { Messages = messages, ContinueFinalMessage = true }));
        var (tagged, finalText) = FinalMessageContinuation.Prepare(messages, addGenerationPrompt: false, "{{ content }}");
        Assert.Equal("Hello,", finalText);
        Assert.Equal("Hello,CONTINUE_FINAL_MESSAGE_TAG ", ((PyDict)((PyTuple)tagged)[1]!)["content"]);
        Assert.Equal("Hello,", ((PyDict)messages[1]!)["content"]);
    }

    [Fact]
    public void TrimmedTrailingSpaceIsCutWithIt()
    {
        var messages = new[] { new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = "Well,  " } };
        var keeps = ChatTemplate.FromString(ChatMl);
        var trims = ChatTemplate.FromString("{% for m in messages %}[{{ m.content | trim }}]{% endfor %}");
        Assert.Equal("<|assistant|>\nWell,  ", keeps.Render(new ChatRequest { Messages = messages, ContinueFinalMessage = true }));
        Assert.Equal("[Well,", trims.Render(new ChatRequest { Messages = messages, ContinueFinalMessage = true }));
    }

    [Fact]
    public void TheLastTextBlockOfAListIsContinued()
    {
        var messages = new[]
        {
            new Dictionary<string, object?>
            {
                ["role"] = "user",
                ["content"] = new object[]
                {
                    new Dictionary<string, object?> { ["type"] = "text", ["text"] = "first" },
                    new Dictionary<string, object?> { ["type"] = "text", ["text"] = "second" },
                    new Dictionary<string, object?> { ["type"] = "image" },
                },
            },
        };
        var t = ChatTemplate.FromString("{% for m in messages %}{% for c in m.content %}<{{ c.type }}:{{ c.text }}>{% endfor %}{% endfor %}");
        Assert.Equal("<text:first><text:second", t.Render(new ChatRequest { Messages = messages, ContinueFinalMessage = true }));
    }

    [Fact]
    public void NotWithTheGenerationPrompt()
    {
        var e = Assert.Throws<ArgumentException>(() => ChatTemplate.FromString(ChatMl)
            .Render(new ChatRequest { Messages = Partial, ContinueFinalMessage = true, AddGenerationPrompt = true }));
        Assert.StartsWith("continue_final_message and add_generation_prompt are not compatible.", e.Message);
    }

    [Theory]
    [InlineData("[]", "there is no final message")]
    [InlineData("[{\"role\": \"assistant\"}]", "has no \"content\" to continue")]
    [InlineData("[{\"role\": \"assistant\", \"content\": null}]", "has no \"content\" to continue")]
    [InlineData("[{\"role\": \"user\", \"content\": [{\"type\": \"image\"}]}]", "could not find any text to continue")]
    public void AMessageWithNothingToContinueIsAnArgumentError(string messages, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => ChatTemplate.FromString(ChatMl)
            .Render(new ChatRequest { Messages = System.Text.Json.JsonDocument.Parse(messages), ContinueFinalMessage = true }));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ATemplateWithoutTheContentFieldIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => ChatTemplate.FromString("{% for m in messages %}{{ m.role }}{% endfor %}")
            .Render(new ChatRequest { Messages = Partial, ContinueFinalMessage = true }));
        Assert.Contains("not an accepted field in the chat_template", e.Message);
    }

    [Fact]
    public void ATemplateThatDropsTheFinalMessageIsAValueError()
    {
        var t = ChatTemplate.FromString("{% for m in messages %}{% if not loop.last %}{{ m.content }}{% endif %}{% endfor %}");
        var e = Assert.Throws<PythonError>(() => t.Render(new ChatRequest { Messages = Partial, ContinueFinalMessage = true }));
        Assert.Equal("ValueError", e.Kind);
        Assert.StartsWith("continue_final_message is set but the final message does not appear", e.BareMessage);
    }

    [Fact]
    public void TokenizerConfigPassesItOn()
    {
        var config = TokenizerConfig.Parse("{\"chat_template\": " + System.Text.Json.JsonSerializer.Serialize(ChatMl) + "}");
        Assert.EndsWith("<|assistant|>\nThe capital is", config.Render(new ChatRequest { Messages = Partial, ContinueFinalMessage = true }));
    }
}
