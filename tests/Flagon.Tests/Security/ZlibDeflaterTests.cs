using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flagon.Security;

namespace Flagon.Tests.Security;

/// <summary>The deflater's output is byte-identical to Python's zlib.compress (classic zlib 1.2.13, level 6).</summary>
public class ZlibDeflaterTests
{
    private static readonly JsonElement Data = Fixtures.Load("Security", "zlib.json");

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (var c in Data.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("seed").GetInt32());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void OutputMatchesPythonZlib(int seed)
    {
        var c = Data.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("seed").GetInt32() == seed);
        byte[] input = MakeInput(c);
        byte[] compressed = ZlibDeflater.Compress(input);
        Assert.Equal(c.GetProperty("compressed_length").GetInt32(), compressed.Length);
        if (c.GetProperty("hex").ValueKind == JsonValueKind.String)
        {
            Assert.Equal(c.GetProperty("hex").GetString(), Convert.ToHexStringLower(compressed));
        }
        Assert.Equal(c.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(compressed)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void OutputDecompressesWithTheFramework(int seed)
    {
        var c = Data.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("seed").GetInt32() == seed);
        byte[] input = MakeInput(c);
        using var z = new ZLibStream(new MemoryStream(ZlibDeflater.Compress(input)), CompressionMode.Decompress);
        using var output = new MemoryStream();
        z.CopyTo(output);
        Assert.Equal(input, output.ToArray());
    }

    [Fact]
    public void BoundedDecompressionRefusesBombsAndCorruption()
    {
        byte[] bomb = ZlibDeflater.Compress(new byte[UrlSafeTimedSerializer.MaxDecompressedBytes + 1]);
        Assert.False(Zlib.TryDecompress(bomb, UrlSafeTimedSerializer.MaxDecompressedBytes, out _));
        Assert.True(Zlib.TryDecompress(bomb, UrlSafeTimedSerializer.MaxDecompressedBytes + 1, out var all));
        Assert.Equal(UrlSafeTimedSerializer.MaxDecompressedBytes + 1, all.Length);
        Assert.False(Zlib.TryDecompress("not zlib"u8.ToArray(), 1000, out _));
    }

    /// <summary>The same LCG generate.py uses.</summary>
    private static byte[] MakeInput(JsonElement c)
    {
        long state = c.GetProperty("seed").GetInt32();
        int length = c.GetProperty("length").GetInt32();
        string mode = c.GetProperty("mode").GetString()!;
        byte[] alphabet = mode == "bytes" ? Enumerable.Range(0, 256).Select(i => (byte)i).ToArray() : Encoding.UTF8.GetBytes(c.GetProperty("alphabet").GetString()!);
        var words = Data.GetProperty("words").EnumerateArray().Select(w => w.GetString()!).ToArray();
        var output = new List<byte>(length + 16);
        while (output.Count < length)
        {
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF;
            long pick = state >> 16;
            if (mode == "words")
            {
                output.AddRange(Encoding.UTF8.GetBytes(words[pick % words.Length] + " "));
            }
            else
            {
                output.Add(alphabet[pick % alphabet.Length]);
            }
        }
        return output.Take(length).ToArray();
    }
}
