namespace Flagon.Security;

/// <summary>How a <see cref="Signer"/> turns a secret key and a salt into the HMAC key (itsdangerous' <c>key_derivation</c>).</summary>
public enum KeyDerivation
{
    /// <summary><c>digest(salt + key)</c>.</summary>
    Concat,

    /// <summary><c>digest(salt + "signer" + key)</c>: itsdangerous' default.</summary>
    DjangoConcat,

    /// <summary><c>HMAC(key, salt)</c>: what Flask's session cookie uses.</summary>
    Hmac,

    /// <summary>The secret key is used as is.</summary>
    None,
}
