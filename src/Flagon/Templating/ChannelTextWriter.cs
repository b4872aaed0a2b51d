using System.Text;
using System.Threading.Channels;

namespace Flagon.Templating;

/// <summary>
/// A synchronous writer for the template engine that hands output to an async consumer in chunks of about
/// <c>chunkSize</c> characters through a bounded channel (so a slow client slows the render down instead of
/// buffering the page). A surrogate pair is never split across chunks.
/// </summary>
internal sealed class ChannelTextWriter(ChannelWriter<string> channel, int chunkSize, CancellationToken cancellationToken) : TextWriter
{
    private readonly StringBuilder _buffer = new(chunkSize + 16);

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        _buffer.Append(value);
        MaybeEmit();
    }

    public override void Write(string? value)
    {
        _buffer.Append(value);
        MaybeEmit();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _buffer.Append(buffer, index, count);
        MaybeEmit();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _buffer.Append(buffer);
        MaybeEmit();
    }

    public override void Flush() => Emit(_buffer.Length);

    private void MaybeEmit()
    {
        if (_buffer.Length < chunkSize)
        {
            return;
        }

        var length = char.IsHighSurrogate(_buffer[^1]) ? _buffer.Length - 1 : _buffer.Length;
        Emit(length);
    }

    private void Emit(int length)
    {
        if (length == 0)
        {
            return;
        }

        var chunk = _buffer.ToString(0, length);
        _buffer.Remove(0, length);
        if (!channel.TryWrite(chunk))
        {
            channel.WriteAsync(chunk, cancellationToken).AsTask().GetAwaiter().GetResult();
        }
    }
}
