namespace Flagon.Security;

/// <summary>
/// itsdangerous' base64: the URL-safe alphabet with the <c>=</c> padding removed on encoding and
/// restored on decoding. Decoding is strict about the alphabet (itsdangerous silently drops
/// foreign characters; we reject them, which only ever refuses values itsdangerous did not make).
/// </summary>
public static class Base64Url
{
    /// <summary>Encodes <paramref name="data"/> as unpadded URL-safe base64.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    /// <summary>Decodes unpadded (or padded) URL-safe base64; false when the text is not valid base64.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        // Padding is optional on the wire; strip what is there and let the length decide.
        while (text.Length > 0 && text[^1] == '=')
        {
            text = text[..^1];
        }
        if (text.Length % 4 == 1 || text.ContainsAny("+/="))
        {
            data = [];
            return false;
        }
        var buffer = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length)];
        if (!System.Buffers.Text.Base64Url.TryDecodeFromChars(text, buffer, out int written))
        {
            data = [];
            return false;
        }
        data = written == buffer.Length ? buffer : buffer[..written];
        return true;
    }

    /// <summary>Decodes URL-safe base64, throwing <see cref="BadData"/> when it is invalid.</summary>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var data) ? data : throw new BadData("Invalid base64-encoded data");
}
