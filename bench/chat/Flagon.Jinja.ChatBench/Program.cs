using System.Diagnostics;
using BenchmarkDotNet.Running;
using Flagon.Jinja.Chat;
using Flagon.Jinja.ChatBench;

// The correctness gate first: every template must render exactly what Jinja2 rendered.
var variables = ChatData.Variables();
foreach (var name in ChatData.Names)
{
    string output = ChatTemplate.FromString(ChatData.Source(name)).RenderVariables(variables, ChatData.Clock);
    if (output != ChatData.Expected(name))
    {
        Console.Error.WriteLine($"{name}: output differs from bench/chat/expected/{name}.txt");
        return 1;
    }
}
if (args is ["--quick"])
{
    // A Stopwatch run with the method of python/bench.py and node/bench.mjs: best of 7 batches of ~0.2 s,
    // after 2 s of rendering every template so the JIT has promoted the hot paths (tiered compilation).
    var warm = Stopwatch.StartNew();
    while (warm.Elapsed.TotalSeconds < 2)
    {
        foreach (var name in ChatData.Names)
        {
            ChatTemplate.FromString(ChatData.Source(name)).RenderVariables(variables, ChatData.Clock);
        }
    }
    foreach (var name in ChatData.Names)
    {
        var template = ChatTemplate.FromString(ChatData.Source(name));
        string source = template.Source;
        string Render() => ChatTemplate.FromString(source).RenderVariables(variables, ChatData.Clock);
        int n = 1;
        while (true)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                Render();
            }
            if (sw.Elapsed.TotalSeconds > 0.2)
            {
                break;
            }
            n *= 2;
        }
        double best = double.MaxValue;
        for (int r = 0; r < 7; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                Render();
            }
            best = Math.Min(best, sw.Elapsed.TotalMicroseconds / n);
        }
        Console.WriteLine($"{name,-15} {Render().Length,6} chars  {best,9:F1} us/render  output matches Jinja2");
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ChatRenderBenchmarks).Assembly).Run(args);
return 0;
