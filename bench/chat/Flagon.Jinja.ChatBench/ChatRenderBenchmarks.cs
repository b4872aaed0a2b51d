using BenchmarkDotNet.Attributes;
using Flagon.Jinja.Chat;

namespace Flagon.Jinja.ChatBench;

/// <summary>
/// One prompt render as an application does it: look the template up by its text (the compile cache),
/// convert the variables, render to a string.
/// </summary>
[MemoryDiagnoser]
public class ChatRenderBenchmarks
{
    private string _source = "";
    private object? _variables;

    [Params("llama3-tools", "chatml-qwen", "mistral-tools")]
    public string Template { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _source = ChatData.Source(Template);
        _variables = ChatData.Variables();
    }

    [Benchmark]
    public string Render() => ChatTemplate.FromString(_source).RenderVariables(_variables, ChatData.Clock);
}
