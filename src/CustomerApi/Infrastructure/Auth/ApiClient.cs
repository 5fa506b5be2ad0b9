using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>
/// The API client of the request: which of its store's tokens it sent. BigCommerce's tokens belong to an app's client
/// id; ours have none of their own, so each token is its own client [inferred], with an <see cref="Id"/> derived here
/// and nowhere else. Handlers take it as a parameter; it is what owns a metafield (owner_client_id).
/// </summary>
public sealed record ApiClient(string Id)
{
    /// <summary>BigCommerce's client ids are 30 lower-case characters (spec: "ramciw4fnoz87it3ynjfif2zrkil5p").</summary>
    public const int IdLength = 30;

    private static readonly byte[] Label = Encoding.UTF8.GetBytes("customerapi/client-id/v1:");

    /// <summary>
    /// [inferred] The first 15 bytes of SHA-256 over a fixed label and the token's stored hash, in lower-case hex: stable
    /// across restarts, one per token, and telling nothing of the token. Made once per token when its store is cached.
    /// </summary>
    public static ApiClient ForToken(byte[] tokenHash)
    {
        var digest = SHA256.HashData([.. Label, .. tokenHash]);
        return new(Convert.ToHexStringLower(digest, 0, IdLength / 2));
    }

    // Set by StoreAuthMiddleware before any /stores endpoint runs.
    public static ValueTask<ApiClient?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Features.Get<ApiClient>());
}
