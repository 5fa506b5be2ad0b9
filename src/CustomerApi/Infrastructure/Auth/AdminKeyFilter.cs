using System.Security.Cryptography;
using System.Text;
using CustomerApi.Infrastructure.Errors;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>
/// Guards <c>/admin</c>: the <c>X-Admin-Key</c> header must be <c>Admin:Key</c>, compared in constant time (as SHA-256
/// digests, so the length of the key tells nothing either). With no key configured the admin API does not exist: 404.
/// </summary>
public sealed class AdminKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string Header = "X-Admin-Key";

    private readonly byte[]? _keyDigest = configuration["Admin:Key"] is { Length: > 0 } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_keyDigest is null)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        var presented = context.HttpContext.Request.Headers[Header].ToString();
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(digest, _keyDigest)
            ? await next(context)
            : BcErrors.AdminUnauthorized();
    }
}
