using System.Security.Cryptography;
using System.Text;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>
/// The admin API's key, <c>Admin:Key</c>, or the one the embedded default keeps beside its database
/// (<see cref="Bootstrap.EmbeddedAdminKey"/>). Kept as a SHA-256 digest and compared in constant time, so neither the
/// time taken nor the key's length tells anything. With no key there is no admin API.
/// </summary>
public sealed class AdminKey(IConfiguration configuration)
{
    public const string Setting = "Admin:Key";

    private byte[]? _digest = Digest(configuration[Setting]);

    public bool Exists => _digest is not null;

    /// <summary>Whether the key was configured at all: an empty <c>Admin:Key</c> is configured, and means no admin API.</summary>
    public bool IsConfigured { get; } = configuration[Setting] is not null;

    /// <summary>Sets the key at start-up, before the service listens: the embedded default's own.</summary>
    public void Use(string key) => _digest = Digest(key);

    public bool Matches(string presented)
    {
        var digest = _digest;
        if (digest is null || presented.Length == 0)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), given);
        return CryptographicOperations.FixedTimeEquals(given, digest);
    }

    private static byte[]? Digest(string? key) => string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
