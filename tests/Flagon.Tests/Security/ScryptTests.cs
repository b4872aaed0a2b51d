using System.Text;
using System.Text.Json;
using Flagon.Security;

namespace Flagon.Tests.Security;

/// <summary>scrypt matches RFC 7914's test vectors (as computed by Python's hashlib.scrypt) and refuses bad parameters.</summary>
public class ScryptTests
{
    private static readonly JsonElement Data = Fixtures.Load("Security", "passwords.json");

    [Fact]
    public void Rfc7914Vectors()
    {
        int count = 0;
        foreach (var v in Data.GetProperty("scrypt_vectors").EnumerateArray())
        {
            byte[] dk = Scrypt.DeriveKey(
                Encoding.UTF8.GetBytes(v.GetProperty("password").GetString()!),
                Encoding.UTF8.GetBytes(v.GetProperty("salt").GetString()!),
                v.GetProperty("n").GetInt32(), v.GetProperty("r").GetInt32(), v.GetProperty("p").GetInt32());
            Assert.Equal(v.GetProperty("hex").GetString(), Convert.ToHexStringLower(dk));
            count++;
        }
        Assert.Equal(3, count);
        // RFC 7914 section 12, first vector, as printed in the RFC.
        Assert.StartsWith("77d6576238657b203b19ca42c18a0497", Convert.ToHexStringLower(Scrypt.DeriveKey([], [], 16, 1, 1)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(15, 1, 1)]
    [InlineData(16, 0, 1)]
    [InlineData(16, 1, 0)]
    [InlineData(1 << 20, 8, 1)]
    public void InvalidOrTooCostlyParametersAreRejected(int n, int r, int p)
    {
        Assert.False(Scrypt.ValidParameters(n, r, p, out var reason));
        Assert.NotEmpty(reason);
        Assert.Throws<ArgumentException>(() => Scrypt.DeriveKey("pw"u8, "salt"u8, n, r, p));
    }

    [Fact]
    public void OutputLengthIsSelectable() => Assert.Equal(32, Scrypt.DeriveKey("pw"u8, "salt"u8, 16, 1, 1, 32).Length);
}
