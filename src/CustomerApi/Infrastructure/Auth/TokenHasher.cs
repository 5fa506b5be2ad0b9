using System.Security.Cryptography;
using System.Text;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>Access tokens are random secrets, so a plain SHA-256 is enough to keep them out of the database.</summary>
public static class TokenHasher
{
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Constant time in the token's content: every candidate is compared in full, with no early exit.</summary>
    public static bool Matches(ReadOnlySpan<byte> presentedHash, IEnumerable<byte[]> candidates, out int index)
    {
        index = -1;
        var i = 0;
        foreach (var candidate in candidates)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, candidate) && index < 0)
            {
                index = i;
            }

            i++;
        }

        return index >= 0;
    }
}
