using System.IO.Compression;

namespace Flagon.Security;

/// <summary>zlib (RFC 1950) compression identical to Python's default, and bounded decompression.</summary>
internal static class Zlib
{
    /// <summary>Compresses exactly like Python's <c>zlib.compress(data)</c> (classic zlib, level 6).</summary>
    public static byte[] Compress(byte[] data) => ZlibDeflater.Compress(data);

    /// <summary>Decompresses a complete zlib stream of at most <paramref name="maxBytes"/> bytes; false when it is corrupt, truncated or too big.</summary>
    public static bool TryDecompress(byte[] data, int maxBytes, out byte[] result)
    {
        result = [];
        try
        {
            using var z = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[8192];
            int n;
            while ((n = z.Read(buffer)) > 0)
            {
                if (output.Length + n > maxBytes)
                {
                    return false;
                }
                output.Write(buffer, 0, n);
            }
            result = output.ToArray();
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
