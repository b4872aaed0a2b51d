using System.Text;

namespace Flagon.Jinja.Tests;

/// <summary><see cref="Template.RenderAsync"/> streams chunks to the writer's async methods as they are produced.</summary>
public sealed class RenderAsyncTests
{
    /// <summary>Records how it is called; optionally cancels a token after the first chunk.</summary>
    private sealed class RecordingWriter(CancellationTokenSource? cancelAfterFirst = null) : TextWriter
    {
        private readonly StringBuilder _text = new();

        public List<int> AsyncChunks { get; } = [];

        public int SyncWrites { get; private set; }

        public int AsyncFlushes { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public string Text => _text.ToString();

        public override void Write(char value)
        {
            SyncWrites++;
            _text.Append(value);
        }

        public override async Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            AsyncChunks.Add(buffer.Length);
            _text.Append(buffer.Span);
            if (cancelAfterFirst is not null)
            {
                await cancelAfterFirst.CancelAsync();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            AsyncFlushes++;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task LargeOutputArrivesInSeveralAsyncWritesAndIsFlushed()
    {
        var template = new JinjaEnvironment().FromString("{% for i in range(20000) %}{{ i }},{% endfor %}");
        var writer = new RecordingWriter();
        await template.RenderAsync(writer, null);
        Assert.Equal(template.Render(), writer.Text);
        Assert.True(writer.AsyncChunks.Count > 3, $"only {writer.AsyncChunks.Count} chunk(s)");
        Assert.Equal(0, writer.SyncWrites);
        Assert.Equal(1, writer.AsyncFlushes);
    }

    [Fact]
    public async Task SmallOutputIsOneWrite()
    {
        var writer = new RecordingWriter();
        await new JinjaEnvironment().FromString("Hello {{ name }}!").RenderAsync(writer, new { name = "World" });
        Assert.Equal("Hello World!", writer.Text);
        Assert.Single(writer.AsyncChunks);
    }

    [Fact]
    public async Task EmptyOutputWritesNothingButFlushes()
    {
        var writer = new RecordingWriter();
        await new JinjaEnvironment().FromString("").RenderAsync(writer, null);
        Assert.Empty(writer.AsyncChunks);
        Assert.Equal(1, writer.AsyncFlushes);
    }

    [Fact]
    public async Task TemplateErrorsSurfaceWithTheirKind()
    {
        var template = new JinjaEnvironment().FromString("a{{ 1 // 0 }}");
        var error = await Assert.ThrowsAnyAsync<TemplateError>(() => template.RenderAsync(new RecordingWriter(), null));
        Assert.Equal("ZeroDivisionError", error.Kind);
    }

    [Fact]
    public async Task AlreadyCancelledTokenRendersNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var writer = new RecordingWriter();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new JinjaEnvironment().FromString("x").RenderAsync(writer, null, cts.Token));
        Assert.Equal("", writer.Text);
    }

    [Fact]
    public async Task CancellingMidRenderStopsIt()
    {
        using var cts = new CancellationTokenSource();
        var writer = new RecordingWriter(cts);
        // Far more output than the channel buffers: the render must stop, not run to the end.
        var template = new JinjaEnvironment().FromString("{% for i in range(2000000) %}{{ i }},{% endfor %}");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => template.RenderAsync(writer, null, cts.Token));
        Assert.Single(writer.AsyncChunks);
        Assert.Equal(0, writer.AsyncFlushes);
    }

    [Fact]
    public async Task WriterFailureIsReportedAndStopsTheRender()
    {
        var template = new JinjaEnvironment().FromString("{% for i in range(2000000) %}{{ i }},{% endfor %}");
        var writer = new FailingWriter();
        var error = await Assert.ThrowsAsync<IOException>(() => template.RenderAsync(writer, null));
        Assert.Equal("disk full", error.Message);
    }

    private sealed class FailingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
            Task.FromException(new IOException("disk full"));
    }
}
