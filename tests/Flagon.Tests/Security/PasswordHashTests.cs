using System.Text;
using System.Text.Json;
using Flagon.Security;

namespace Flagon.Tests.Security;

/// <summary>Werkzeug-format password hashes: hashes made by Werkzeug verify, ours have Werkzeug's shape.</summary>
public class PasswordHashTests
{
    private static readonly JsonElement Data = Fixtures.Load("Security", "passwords.json");

    public static TheoryData<int> HashIndexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Data.GetProperty("hashes").GetArrayLength(); i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HashIndexes))]
    public void WerkzeugHashesVerify(int index)
    {
        var row = Data.GetProperty("hashes")[index];
        string hash = row.GetProperty("hash").GetString()!;
        string password = row.GetProperty("password").GetString()!;
        Assert.True(PasswordHash.Check(hash, password));
        // Wrong passwords on the cheap hashes only: the slow ones (Werkzeug's real defaults) are checked once.
        if (!hash.StartsWith("scrypt:32768", StringComparison.Ordinal) && !hash.StartsWith("pbkdf2:sha256:260000", StringComparison.Ordinal))
        {
            Assert.False(PasswordHash.Check(hash, password + "x"));
            Assert.False(PasswordHash.Check(hash, password.ToUpperInvariant() + "!"));
        }
    }

    [Fact]
    public void FixtureCoversPbkdf2AndScrypt()
    {
        var hashes = Data.GetProperty("hashes").EnumerateArray().Select(r => r.GetProperty("hash").GetString()!).ToList();
        Assert.Contains(hashes, h => h.StartsWith("pbkdf2:sha256:260000$", StringComparison.Ordinal));
        Assert.Contains(hashes, h => h.StartsWith("pbkdf2:sha512:", StringComparison.Ordinal));
        Assert.Contains(hashes, h => h.StartsWith("scrypt:32768:8:1$", StringComparison.Ordinal));
        Assert.True(hashes.Count >= 30);
    }

    [Theory]
    [InlineData("pbkdf2:sha256:1000", "pbkdf2:sha256:1000", 64)]
    [InlineData("pbkdf2:sha512:10", "pbkdf2:sha512:10", 128)]
    [InlineData("pbkdf2:sha1:3", "pbkdf2:sha1:3", 40)]
    [InlineData("scrypt:1024:8:1", "scrypt:1024:8:1", 128)]
    public void GeneratedHashesHaveWerkzeugsShapeAndVerify(string method, string recorded, int hexLength)
    {
        string hash = PasswordHash.Generate("hunter2", method);
        var parts = hash.Split('$');
        Assert.Equal(3, parts.Length);
        Assert.Equal(recorded, parts[0]);
        Assert.Equal(16, parts[1].Length);
        Assert.All(parts[1], c => Assert.Contains(c, PasswordHash.SaltChars));
        Assert.Equal(hexLength, parts[2].Length);
        Assert.Matches("^[0-9a-f]+$", parts[2]);
        Assert.True(PasswordHash.Check(hash, "hunter2"));
        Assert.False(PasswordHash.Check(hash, "hunter3"));
        Assert.NotEqual(hash, PasswordHash.Generate("hunter2", method)); // fresh salt each time
    }

    [Fact]
    public void DefaultsAreWerkzeug31Pbkdf2()
    {
        Assert.Equal("pbkdf2:sha256:1000000", PasswordHash.DefaultMethod);
        string hash = PasswordHash.Generate("pw");
        Assert.StartsWith("pbkdf2:sha256:1000000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.Check(hash, "pw"));
        // A method without iterations records the default count, as Werkzeug does.
        Assert.StartsWith("pbkdf2:sha1:1000000$", PasswordHash.Generate("pw", "pbkdf2:sha1"), StringComparison.Ordinal);
        Assert.Equal(8, PasswordHash.Generate("pw", "pbkdf2:sha256:1", saltLength: 8).Split('$')[1].Length);
    }

    [Fact]
    public void ScryptWithoutParametersIsWerkzeug3sDefault()
    {
        string hash = PasswordHash.Generate("pw", "scrypt");
        Assert.StartsWith("scrypt:32768:8:1$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.Check(hash, "pw"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nodollar")]
    [InlineData("one$dollar")]
    [InlineData("md5$salt$abc")]
    [InlineData("plain$$secret")]
    [InlineData("pbkdf2:sha256:0$salt$abc")]
    [InlineData("pbkdf2:sha256:x$salt$abc")]
    [InlineData("pbkdf2:sha256:1:2$salt$abc")]
    [InlineData("pbkdf2:whirlpool:1$salt$abc")]
    [InlineData("scrypt:3:8:1$salt$abc")]
    [InlineData("scrypt:16:8$salt$abc")]
    [InlineData("scrypt:1073741824:8:1$salt$abc")]
    [InlineData("pbkdf2:sha256:1$salt$\u00e9\u00e9")]
    public void MalformedOrUnsupportedHashesAreFalseNotErrors(string hash) => Assert.False(PasswordHash.Check(hash, "secret"));

    [Fact]
    public void HashValueMayContainDollarsAndIsComparedExactly()
    {
        string hash = PasswordHash.Generate("pw", "pbkdf2:sha256:1");
        Assert.False(PasswordHash.Check(hash + "$", "pw"));
        Assert.False(PasswordHash.Check(hash.ToUpperInvariant(), "pw"));
    }

    [Fact]
    public void InvalidMethodsAreRejectedWhenGenerating()
    {
        Assert.Throws<ArgumentException>(() => PasswordHash.Generate("pw", "sha256"));
        Assert.Throws<ArgumentException>(() => PasswordHash.Generate("pw", "scrypt:1:1:1"));
        Assert.Throws<ArgumentException>(() => PasswordHash.Generate("pw", "pbkdf2:sha256:-1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHash.Generate("pw", "pbkdf2:sha256:1", 0));
    }

    [Fact]
    public void PasswordsAreUtf8()
    {
        var row = Data.GetProperty("hashes").EnumerateArray().First(r => Encoding.UTF8.GetByteCount(r.GetProperty("password").GetString()!) > r.GetProperty("password").GetString()!.Length);
        Assert.True(PasswordHash.Check(row.GetProperty("hash").GetString()!, row.GetProperty("password").GetString()!));
    }
}
