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

    /// <summary>Decodes unpadded (or padded) URL-safe base64; false when the text is not valid base64. Never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        // Padding is optional on the wire; strip what is there and let the length decide.
        while (text.Length > 0 && text[^1] == '=')
        {
            text = text[..^1];
        }
        if (text.Length % 4 == 1)
        {
            return false;
        }
        var result = new byte[text.Length * 3 / 4];
        int bits = 0;
        int acc = 0;
        int at = 0;
        foreach (char c in text)
        {
            int v = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '-' => 62,
                '_' => 63,
                _ => -1,
            };
            if (v < 0)
            {
                return false;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                result[at++] = (byte)(acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        // Leftover bits (fewer than 8) are ignored, as Python's decoder does.
        data = result;
        return true;
    }

    /// <summary>Decodes URL-safe base64, throwing <see cref="BadData"/> when it is invalid.</summary>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var data) ? data : throw new BadData("Invalid base64-encoded data");
}
