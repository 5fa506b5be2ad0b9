using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>Access tokens are random secrets, so a plain SHA-256 is enough to keep them out of the database.</summary>
public static class TokenHasher
{
    public const int HashSize = SHA256.HashSizeInBytes;

    /// <summary>Tokens up to this many UTF-8 bytes are hashed from the stack; longer ones from a pooled buffer.</summary>
    private const int StackBytes = 256;

    public static byte[] Hash(string token)
    {
        var hash = new byte[HashSize];
        Hash(token, hash);
        return hash;
    }

    /// <summary>Hashes <paramref name="token"/> into <paramref name="destination"/> (<see cref="HashSize"/> bytes) without allocating.</summary>
    public static void Hash(string token, Span<byte> destination)
    {
        var most = Encoding.UTF8.GetMaxByteCount(token.Length);
        byte[]? rented = null;
        var utf8 = most <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(most));
        var length = Encoding.UTF8.GetBytes(token, utf8);
        SHA256.HashData(utf8[..length], destination);
        CryptographicOperations.ZeroMemory(utf8[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Constant time in the token's content: every candidate is compared in full, with no early exit.</summary>
    public static bool Matches(ReadOnlySpan<byte> presentedHash, ReadOnlySpan<byte[]> candidates, out int index)
    {
        index = -1;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, candidates[i]) && index < 0)
            {
                index = i;
            }
        }

        return index >= 0;
    }
}
