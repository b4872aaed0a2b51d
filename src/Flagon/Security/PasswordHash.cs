using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Flagon.Security;

/// <summary>
/// Password hashes in Werkzeug's format, <c>method$salt$hex</c>, so user tables move between Flask
/// and Flagon: <c>pbkdf2:&lt;sha1|sha256|sha384|sha512&gt;:&lt;iterations&gt;</c> and <c>scrypt:&lt;n&gt;:&lt;r&gt;:&lt;p&gt;</c>
/// (Werkzeug 2.3+). Checks compare in constant time. Werkzeug's long-removed plain and unsalted
/// hashes are not supported (Werkzeug 3 rejects them too).
/// </summary>
public static class PasswordHash
{
    /// <summary>Werkzeug 3.1's PBKDF2 iteration count, used when a <c>pbkdf2</c> method names none.</summary>
    public const int DefaultPbkdf2Iterations = 1_000_000;

    /// <summary>
    /// The method <see cref="Generate"/> uses by default: PBKDF2-HMAC-SHA256 with Werkzeug 3.1's iteration count.
    /// (Werkzeug's own default is scrypt; PBKDF2 keeps hashes readable by Werkzeug 2.x too. Pass <c>"scrypt"</c> for scrypt.)
    /// </summary>
    public const string DefaultMethod = "pbkdf2:sha256:1000000";

    /// <summary>Werkzeug's salt alphabet.</summary>
    public const string SaltChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>Werkzeug's default salt length.</summary>
    public const int DefaultSaltLength = 16;

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt: <c>method$salt$hex</c>.</summary>
    /// <exception cref="ArgumentException">The method is unknown or its parameters are invalid.</exception>
    public static string Generate(string password, string method = DefaultMethod, int saltLength = DefaultSaltLength)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(method);
        if (saltLength <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(saltLength), "Salt length must be at least 1.");
        }
        string salt = RandomNumberGenerator.GetString(SaltChars, saltLength);
        if (!TryHash(method, salt, password, out var hex, out var actualMethod, out var error))
        {
            throw new ArgumentException(error, nameof(method));
        }
        return $"{actualMethod}${salt}${hex}";
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="passwordHash"/>; false for any malformed or unsupported hash.</summary>
    public static bool Check(string passwordHash, string password)
    {
        ArgumentNullException.ThrowIfNull(passwordHash);
        ArgumentNullException.ThrowIfNull(password);
        var parts = passwordHash.Split('$', 3);
        if (parts.Length < 3 || !TryHash(parts[0], parts[1], password, out var hex, out _, out _))
        {
            return false;
        }
        return CompareHashes(Encoding.UTF8.GetBytes(hex), Encoding.UTF8.GetBytes(parts[2]));
    }

    /// <summary>Compares the computed and stored hex digests in constant time (Werkzeug uses <c>hmac.compare_digest</c>).</summary>
    internal static bool CompareHashes(ReadOnlySpan<byte> computed, ReadOnlySpan<byte> stored) =>
        CryptographicOperations.FixedTimeEquals(computed, stored);

    private static bool TryHash(string method, string salt, string password, out string hex, out string actualMethod, out string error)
    {
        hex = actualMethod = error = "";
        var args = method.Split(':');
        byte[] saltBytes = Encoding.UTF8.GetBytes(salt);
        byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
        switch (args[0])
        {
            case "scrypt":
                {
                    int n = 1 << 15, r = 8, p = 1;
                    if (args.Length != 1 && (args.Length != 4 || !TryInt(args[1], out n) || !TryInt(args[2], out r) || !TryInt(args[3], out p)))
                    {
                        error = "'scrypt' takes 3 arguments.";
                        return false;
                    }
                    if (!Scrypt.ValidParameters(n, r, p, out error))
                    {
                        return false;
                    }
                    hex = Convert.ToHexStringLower(Scrypt.DeriveKey(passwordBytes, saltBytes, n, r, p, 64));
                    actualMethod = $"scrypt:{n}:{r}:{p}";
                    return true;
                }
            case "pbkdf2":
                {
                    string hashName = args.Length > 1 ? args[1] : "sha256";
                    int iterations = DefaultPbkdf2Iterations;
                    if (args.Length > 3 || (args.Length == 3 && !TryInt(args[2], out iterations)))
                    {
                        error = "'pbkdf2' takes 2 arguments.";
                        return false;
                    }
                    if (iterations <= 0)
                    {
                        error = "PBKDF2 iterations must be positive.";
                        return false;
                    }
                    HashAlgorithmName? algorithm = hashName switch
                    {
                        "sha1" => HashAlgorithmName.SHA1,
                        "sha256" => HashAlgorithmName.SHA256,
                        "sha384" => HashAlgorithmName.SHA384,
                        "sha512" => HashAlgorithmName.SHA512,
                        _ => null,
                    };
                    if (algorithm is not HashAlgorithmName alg)
                    {
                        error = $"Unsupported PBKDF2 hash '{hashName}'.";
                        return false;
                    }
                    int size = alg == HashAlgorithmName.SHA1 ? 20 : alg == HashAlgorithmName.SHA256 ? 32 : alg == HashAlgorithmName.SHA384 ? 48 : 64;
                    hex = Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(passwordBytes, saltBytes, iterations, alg, size));
                    actualMethod = $"pbkdf2:{hashName}:{iterations}";
                    return true;
                }
            default:
                error = $"Invalid hash method '{args[0]}'.";
                return false;
        }
    }

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
