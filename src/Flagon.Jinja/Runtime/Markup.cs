using System.Buffers;

namespace Flagon.Jinja.Runtime;

/// <summary>
/// A string that is safe to output in HTML without escaping (MarkupSafe's <c>Markup</c>).
/// Under autoescape, values that are not <see cref="Markup"/> are escaped when printed.
/// </summary>
public sealed class Markup : IEquatable<Markup>
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    /// <summary>The empty safe string.</summary>
    public static readonly Markup Empty = new("");

    /// <summary>Marks <paramref name="value"/> as safe, without escaping it.</summary>
    public Markup(string value) => Value = value;

    /// <summary>The safe text.</summary>
    public string Value { get; }

    /// <summary>
    /// Escapes <c>&amp; &lt; &gt; " '</c> as MarkupSafe does (<c>&amp;amp; &amp;lt; &amp;gt; &amp;#34; &amp;#39;</c>)
    /// and returns the result as <see cref="Markup"/>.
    /// </summary>
    public static Markup Escape(string text) => new(EscapeText(text));

    /// <summary>Escapes text as MarkupSafe does, returning a plain string.</summary>
    public static string EscapeText(string text)
    {
        int first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
        {
            return text;
        }
        int extra = 0;
        foreach (char c in text.AsSpan(first))
        {
            extra += c switch
            {
                '&' or '"' or '\'' => 4,
                '<' or '>' => 3,
                _ => 0,
            };
        }
        return string.Create(text.Length + extra, (text, first), static (dest, state) =>
        {
            var (src, start) = state;
            src.AsSpan(0, start).CopyTo(dest);
            int j = start;
            for (int i = start; i < src.Length; i++)
            {
                char c = src[i];
                string? entity = c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&#34;",
                    '\'' => "&#39;",
                    _ => null,
                };
                if (entity is null)
                {
                    dest[j++] = c;
                }
                else
                {
                    entity.CopyTo(dest[j..]);
                    j += entity.Length;
                }
            }
        });
    }

    /// <summary>Writes <paramref name="text"/> escaped to <paramref name="writer"/> without building a new string.</summary>
    public static void WriteEscaped(TextWriter writer, string text)
    {
        int next = text.AsSpan().IndexOfAny(Special);
        if (next < 0)
        {
            writer.Write(text);
            return;
        }
        WriteEscaped(writer, text, next);
    }

    /// <summary>Writes <paramref name="text"/> escaped to <paramref name="writer"/>.</summary>
    internal static void WriteEscaped(TextWriter writer, ReadOnlySpan<char> text)
    {
        int next = text.IndexOfAny(Special);
        if (next < 0)
        {
            writer.Write(text);
            return;
        }
        WriteEscaped(writer, text, next);
    }

    private static void WriteEscaped(TextWriter writer, ReadOnlySpan<char> span, int next)
    {
        if (span.Length <= 256)
        {
            // Short text (names, table cells): escaped into a stack buffer, one write (5 chars per input char at most).
            Span<char> buffer = stackalloc char[span.Length * 5];
            int written = 0;
            while (true)
            {
                span[..next].CopyTo(buffer[written..]);
                written += next;
                string entity = Entity(span[next]);
                entity.CopyTo(buffer[written..]);
                written += entity.Length;
                span = span[(next + 1)..];
                next = span.IndexOfAny(Special);
                if (next < 0)
                {
                    span.CopyTo(buffer[written..]);
                    written += span.Length;
                    writer.Write(buffer[..written]);
                    return;
                }
            }
        }
        while (true)
        {
            writer.Write(span[..next]);
            writer.Write(Entity(span[next]));
            span = span[(next + 1)..];
            next = span.IndexOfAny(Special);
            if (next < 0)
            {
                writer.Write(span);
                return;
            }
        }
    }

    private static string Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&#34;",
        _ => "&#39;",
    };

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(Markup? other) => other is not null && other.Value == Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Markup m ? Equals(m) : obj is string s && s == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}
