using System.Text;
using System.Threading.Channels;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// The writer a render runs against in <see cref="Template.RenderAsync"/>: output is gathered into
/// chunks of about <see cref="ChunkSize"/> characters, each handed to a bounded channel that the
/// asynchronous side drains into the caller's writer. A full channel makes the render wait
/// (back-pressure), so memory stays bounded however large the output.
/// </summary>
internal sealed class ChunkChannelWriter(ChannelWriter<string> channel, CancellationToken cancellationToken) : TextWriter
{
    /// <summary>Characters gathered before a chunk is handed over.</summary>
    public const int ChunkSize = 16 * 1024;

    private readonly StringBuilder _buffer = new(ChunkSize + 256);

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        _buffer.Append(value);
        if (_buffer.Length >= ChunkSize)
        {
            Hand();
        }
    }

    public override void Write(string? value)
    {
        _buffer.Append(value);
        if (_buffer.Length >= ChunkSize)
        {
            Hand();
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _buffer.Append(buffer, index, count);
        if (_buffer.Length >= ChunkSize)
        {
            Hand();
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _buffer.Append(buffer);
        if (_buffer.Length >= ChunkSize)
        {
            Hand();
        }
    }

    /// <summary>Hands over what is gathered (the end of the render).</summary>
    public override void Flush()
    {
        if (_buffer.Length > 0)
        {
            Hand();
        }
    }

    private void Hand()
    {
        string chunk = _buffer.ToString();
        _buffer.Clear();
        if (!channel.TryWrite(chunk))
        {
            // The render runs on a pool thread of its own; waiting here is the back-pressure.
            channel.WriteAsync(chunk, cancellationToken).AsTask().GetAwaiter().GetResult();
        }
    }
}
