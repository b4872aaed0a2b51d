using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Flagon.Security;

/// <summary>
/// The scrypt key derivation function (RFC 7914): PBKDF2-HMAC-SHA256 around ROMix over
/// BlockMix with Salsa20/8. Written here because .NET has no scrypt; checked against RFC 7914's
/// test vectors and against Python's <c>hashlib.scrypt</c>.
/// </summary>
public static class Scrypt
{
    /// <summary>The largest working memory (128·N·r bytes) accepted, so a hostile hash string cannot exhaust memory.</summary>
    public const long MaxMemoryBytes = 256L * 1024 * 1024;

    /// <summary>Derives <paramref name="length"/> bytes; throws <see cref="ArgumentException"/> for invalid or too costly parameters.</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, int r, int p, int length = 64)
    {
        if (!ValidParameters(n, r, p, out var why))
        {
            throw new ArgumentException(why);
        }
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }
        int blockBytes = 128 * r;
        byte[] b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * blockBytes);
        var x = new uint[32 * r];
        var v = new uint[(long)32 * r * n];
        var scratch = new uint[32 * r];
        for (int i = 0; i < p; i++)
        {
            var block = b.AsSpan(i * blockBytes, blockBytes);
            for (int k = 0; k < x.Length; k++)
            {
                x[k] = BinaryPrimitives.ReadUInt32LittleEndian(block[(k * 4)..]);
            }
            RoMix(x, v, scratch, n, r);
            for (int k = 0; k < x.Length; k++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(block[(k * 4)..], x[k]);
            }
        }
        return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, length);
    }

    /// <summary>True when N is a power of two above 1, r and p are positive, and the cost fits <see cref="MaxMemoryBytes"/>.</summary>
    public static bool ValidParameters(int n, int r, int p, out string reason)
    {
        reason = "";
        if (n <= 1 || !BitOperations.IsPow2(n))
        {
            reason = "scrypt's n must be a power of 2 greater than 1.";
        }
        else if (r <= 0 || p <= 0)
        {
            reason = "scrypt's r and p must be positive.";
        }
        else if ((long)r * p >= 1 << 30)
        {
            reason = "scrypt's r * p must be below 2**30.";
        }
        else if (128L * n * r > MaxMemoryBytes || 128L * r * p > int.MaxValue)
        {
            reason = $"scrypt parameters need more than {MaxMemoryBytes} bytes of memory.";
        }
        return reason.Length == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RoMix(uint[] x, uint[] v, uint[] scratch, int n, int r)
    {
        int words = 32 * r;
        for (int i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, (long)i * words, words);
            BlockMix(x, scratch, r);
        }
        for (int i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte block, mod N (N is a power of two).
            int j = (int)(x[words - 16] & (uint)(n - 1));
            long offset = (long)j * words;
            for (int k = 0; k < words; k++)
            {
                x[k] ^= v[offset + k];
            }
            BlockMix(x, scratch, r);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> x = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(x);
        for (int i = 0; i < 2 * r; i++)
        {
            for (int k = 0; k < 16; k++)
            {
                x[k] ^= b[i * 16 + k];
            }
            Salsa208(x);
            // Even blocks go to the first half, odd blocks to the second half.
            int dest = (i / 2 + (i % 2) * r) * 16;
            x.CopyTo(y.AsSpan(dest, 16));
        }
        Array.Copy(y, b, 32 * r);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Salsa208(Span<uint> b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        uint x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (int i = 0; i < 8; i += 2)
        {
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7); x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13); x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7); x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13); x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7); x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13); x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7); x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13); x15 ^= BitOperations.RotateLeft(x11 + x7, 18);

            x1 ^= BitOperations.RotateLeft(x0 + x3, 7); x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13); x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7); x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13); x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7); x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13); x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7); x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13); x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }
        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
        b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
    }
}
