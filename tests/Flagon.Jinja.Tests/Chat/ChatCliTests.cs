using System.Text;
using Flagon.Jinja.Cli;

namespace Flagon.Jinja.Tests.Chat;

/// <summary>flagon-jinja chat: byte-exact prompts, tokenizer configs, the clock, errors.</summary>
public sealed class ChatCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "flagon-chat-cli-" + Guid.NewGuid().ToString("N"));

    public ChatCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private static (int Code, byte[] Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        int code = CliApp.Run(["chat", .. args], new StringReader(""), stdout, stderr);
        return (code, stdout.ToArray(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("llama3-tools.jinja", "tool-call")]
    [InlineData("thinking-generation.jinja", "reasoning-last")]
    [InlineData("mistral-tools.jinja", "tools")]
    public void PrintsThePromptByteExact(string template, string scenario)
    {
        string data = Write("data.json", ChatFixtures.Case(template, scenario).GetProperty("variables").GetRawText());
        var (code, stdout, stderr) = Run("--template", Path.Combine(ChatFixtures.Folder, "templates", template), "--data", data, "--now", "2025-07-10T12:00:00");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal(new UTF8Encoding(false).GetBytes(ChatFixtures.Expected(template, scenario)), stdout);
    }

    [Fact]
    public void ReadsTokenizerConfigsAndDefaultsTheVariables()
    {
        string config = Write("tokenizer_config.json", """
            {"bos_token": "<s>", "chat_template": [
              {"name": "default", "template": "{{ bos_token }}{{ messages[0].content }}|{{ tools }}|{{ documents }}|{{ add_generation_prompt }}"},
              {"name": "tool_use", "template": "tools: {{ tools|tojson }}"}]}
            """);
        string plain = Write("plain.json", """{"messages": [{"role": "user", "content": "hé"}]}""");
        string withTools = Write("tools.json", """{"messages": [], "tools": [{"name": "f", "é": 1.0}]}""");
        Assert.Equal("<s>hé|None|None|False", Encoding.UTF8.GetString(Run("--tokenizer-config", config, "--data", plain).Stdout));
        Assert.Equal("tools: [{\"name\": \"f\", \"é\": 1.0}]", Encoding.UTF8.GetString(Run("--tokenizer-config", config, "--data", withTools).Stdout));
        Assert.Equal("<s>hé|None|None|False", Encoding.UTF8.GetString(Run("--tokenizer-config", config, "--name", "default", "--data", plain).Stdout));
        var (code, _, stderr) = Run("--tokenizer-config", config, "--name", "nope", "--data", plain);
        Assert.Equal(2, code);
        Assert.StartsWith("error: no chat template named 'nope'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateErrorsExitOneWithTheKindFirst()
    {
        string template = Write("t.jinja", "{% if messages|length > 1 %}{{ raise_exception('Only one message: ' + messages[1].role) }}{% endif %}");
        string data = Write("d.json", """{"messages": [{"role": "user"}, {"role": "critic"}]}""");
        var (code, stdout, stderr) = Run("--template", template, "--data", data);
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Equal("TemplateError: Only one message: critic", stderr.Split('\n')[0]);
    }

    [Fact]
    public void NowSetsTheClock()
    {
        string template = Write("t.jinja", "{{ strftime_now('%Y-%m-%d %H:%M %A') }}");
        string data = Write("d.json", "{}");
        Assert.Equal("2024-02-29 23:30 Thursday", Encoding.UTF8.GetString(Run("--template", template, "--data", data, "--now", "2024-02-29T23:30:00+05:30").Stdout));
        Assert.Equal(2, Run("--template", template, "--data", data, "--now", "yesterday").Code);
    }

    [Theory]
    [InlineData("--data", "x.json")]
    [InlineData("--template", "a", "--tokenizer-config", "b", "--data", "x.json")]
    [InlineData("--template", "a", "--name", "n", "--data", "x.json")]
    [InlineData("--template")]
    public void BadArgumentsExitTwo(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void ContinueFinalMessageEndsThePromptInsideTheLastMessage()
    {
        string template = Write("t.jinja", "{% for m in messages %}<|{{ m.role }}|>\n{{ m.content }}<|end|>\n{% endfor %}");
        string data = Write("d.json", "{\"messages\": [{\"role\": \"assistant\", \"content\": \"Sure: \"}]}");
        string both = Write("both.json", "{\"add_generation_prompt\": true, \"messages\": [{\"role\": \"assistant\", \"content\": \"Sure: \"}]}");
        var (code, stdout, stderr) = Run("--template", template, "--data", data, "--continue-final-message");
        Assert.Equal((0, "<|assistant|>\nSure: ", ""), (code, Encoding.UTF8.GetString(stdout), stderr));
        (code, _, stderr) = Run("--template", template, "--data", both, "--continue-final-message");
        Assert.Equal(2, code);
        Assert.StartsWith("error: continue_final_message and add_generation_prompt are not compatible.", stderr);
    }
}
