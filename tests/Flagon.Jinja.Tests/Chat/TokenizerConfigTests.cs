using Flagon.Jinja.Chat;

namespace Flagon.Jinja.Tests.Chat;

/// <summary>Reading chat templates and special tokens from tokenizer_config.json, choosing as transformers does.</summary>
public sealed class TokenizerConfigTests
{
    private const string Named = """
        {
          "bos_token": {"__type": "AddedToken", "content": "<|begin|>", "lstrip": false},
          "eos_token": "<|end|>",
          "pad_token": null,
          "unk_token": "",
          "additional_special_tokens": ["<tool>", "</tool>"],
          "chat_template": [
            {"name": "default", "template": "D{{ bos_token }}{{ messages|length }}{{ eos_token }}"},
            {"name": "tool_use", "template": "T{{ tools|length }}"},
            {"name": "rag", "template": "R{{ documents|length }}"}
          ]
        }
        """;

    [Fact]
    public void ReadsASingleTemplate()
    {
        var config = TokenizerConfig.Parse("""{"chat_template": "{{ messages[0].content }}", "eos_token": "</s>"}""");
        Assert.Equal("{{ messages[0].content }}", config.GetTemplateSource());
        Assert.Equal("{{ messages[0].content }}", config.GetTemplateSource(hasTools: true));
        Assert.Equal("</s>", config.SpecialTokens["eos_token"]);
        Assert.Throws<InvalidOperationException>(() => config.GetTemplateSource("tool_use"));
    }

    [Fact]
    public void ReadsSpecialTokensAsTransformersMapsThem()
    {
        var config = TokenizerConfig.Parse(Named);
        Assert.Equal(["bos_token", "eos_token", "additional_special_tokens"], config.SpecialTokens.Keys);
        Assert.Equal("<|begin|>", config.SpecialTokens["bos_token"]);
        Assert.Equal(new List<object?> { "<tool>", "</tool>" }, config.SpecialTokens["additional_special_tokens"]);
    }

    [Fact]
    public void ChoosesNamedTemplatesByNameOrTools()
    {
        var config = TokenizerConfig.Parse(Named);
        var messages = new[] { new { role = "user", content = "hi" } };
        Assert.Equal("D<|begin|>1<|end|>", config.Render(new ChatRequest { Messages = messages }));
        Assert.Equal("T2", config.Render(new ChatRequest { Messages = messages, Tools = new[] { new { }, new { } } }));
        Assert.Equal("R1", config.Render(new ChatRequest { Messages = messages, Documents = new[] { new { title = "a" } } }, "rag"));
        Assert.Equal("D<|begin|>1<|end|>", config.Render(new ChatRequest { Messages = messages, Tools = System.Text.Json.JsonDocument.Parse("null").RootElement }));
        var e = Assert.Throws<InvalidOperationException>(() => config.GetTemplateSource("chatml"));
        Assert.Contains("default, tool_use, rag", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutADefaultTheNameIsRequired()
    {
        var config = TokenizerConfig.Parse("""{"chat_template": [{"name": "tool_use", "template": "T"}, {"name": "other", "template": "O"}]}""");
        Assert.Equal("T", config.GetTemplateSource(hasTools: true));
        Assert.Throws<InvalidOperationException>(() => config.GetTemplateSource());
        Assert.Equal("O", config.GetTemplateSource("other"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"chat_template": 3}""")]
    [InlineData("""{"chat_template": [{"name": "default"}]}""")]
    public void MalformedConfigsAreFormatErrors(string json) => Assert.Throws<FormatException>(() => TokenizerConfig.Parse(json));

    [Fact]
    public void AConfigWithoutATemplateSaysSo() =>
        Assert.Throws<InvalidOperationException>(() => TokenizerConfig.Parse("""{"eos_token": "</s>"}""").GetTemplateSource());
}
