using System.Security.Cryptography;
using System.Text.Json;
using Flagon.Security;

namespace Flagon.Tests.Security;

/// <summary>Signer matches itsdangerous for every key derivation, digest and salt, and verifies with rotated keys.</summary>
public class SignerTests
{
    private static readonly JsonElement Data = Fixtures.Load("Security", "itsdangerous.json");

    private static SignerOptions OptionsOf(JsonElement row) => new()
    {
        Salt = row.GetProperty("salt").GetString()!,
        KeyDerivation = row.GetProperty("key_derivation").GetString() switch
        {
            "concat" => KeyDerivation.Concat,
            "django-concat" => KeyDerivation.DjangoConcat,
            "hmac" => KeyDerivation.Hmac,
            _ => KeyDerivation.None,
        },
        DigestMethod = new HashAlgorithmName(row.GetProperty("digest").GetString()!.ToUpperInvariant()),
    };

    [Fact]
    public void SignsAndDerivesKeysLikeItsdangerous()
    {
        int count = 0;
        foreach (var row in Data.GetProperty("signers").EnumerateArray())
        {
            var signer = new Signer("secret-key", OptionsOf(row));
            Assert.Equal(row.GetProperty("derived_key").GetString(), Convert.ToHexStringLower(signer.DeriveKey("secret-key"u8.ToArray())));
            Assert.Equal(row.GetProperty("signed").GetString(), signer.Sign(row.GetProperty("value").GetString()!));
            Assert.Equal(row.GetProperty("value").GetString(), signer.Unsign(row.GetProperty("signed").GetString()!));
            count++;
        }
        Assert.Equal(108, count);
    }

    [Fact]
    public void TamperedValuesAreRejected()
    {
        var signer = new Signer("secret-key");
        string signed = signer.Sign("hello");
        Assert.True(signer.Validate(signed));
        var e = Assert.Throws<BadSignature>(() => signer.Unsign("hellO" + signed[5..]));
        Assert.Equal("hellO", e.Payload);
        Assert.Throws<BadSignature>(() => signer.Unsign(signed[..^1]));
        Assert.Throws<BadSignature>(() => signer.Unsign("no separator"));
        Assert.False(signer.Validate(signed + "x"));
        Assert.False(signer.VerifySignature("hello", "!!not base64!!"));
        Assert.False(new Signer("other-key").Validate(signed));
    }

    [Fact]
    public void RotatedKeysVerifyButOnlyTheNewestSigns()
    {
        var old = new Signer("old-key");
        var rotated = new Signer(["old-key", "new-key"]);
        Assert.Equal(new Signer("new-key").Sign("v"), rotated.Sign("v"));
        Assert.Equal("v", rotated.Unsign(old.Sign("v")));
        Assert.Throws<BadSignature>(() => new Signer("new-key").Unsign(old.Sign("v")));
    }

    [Fact]
    public void SeparatorMustNotBeABase64Character()
    {
        Assert.Throws<ArgumentException>(() => new Signer("k", new SignerOptions { Separator = 'a' }));
        Assert.Throws<ArgumentException>(() => new Signer("k", new SignerOptions { Separator = '-' }));
        Assert.Equal("v:" + new Signer("k", new SignerOptions { Separator = ':' }).GetSignature("v"), new Signer("k", new SignerOptions { Separator = ':' }).Sign("v"));
    }

    [Fact]
    public void AtLeastOneKeyIsRequired() => Assert.Throws<ArgumentException>(() => new Signer(Array.Empty<string>()));
}
