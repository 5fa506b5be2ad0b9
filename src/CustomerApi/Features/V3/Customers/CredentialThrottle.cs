using CustomerApi.Infrastructure.Http;
using Microsoft.Net.Http.Headers;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// validate-credentials' own per-store quota, stricter than the store's (BigCommerce: "special rate limiting
/// protections to protect against abuse", thresholds undocumented): <c>RateLimit:ValidateCredentials:RequestsPerWindow</c>
/// (default 100) per <c>WindowMs</c> (default 30,000), so a password can be guessed at about 3 a second per store.
/// [inferred] When spent: 429 with the wait in whole seconds as <c>Retry-After</c> and <c>X-Retry-After</c>.
/// </summary>
public sealed class CredentialThrottle(IConfiguration configuration, TimeProvider clock)
{
    public const string Section = "RateLimit:ValidateCredentials";

    private readonly StoreQuota _quota = new(configuration.GetSection(Section), defaultQuota: 100, defaultWindowMs: 30_000, clock);

    /// <returns>False, with the retry headers set, when the store's quota for this window is spent.</returns>
    public bool TryTake(int storeId, IHeaderDictionary headers)
    {
        var (left, resetMs, _) = _quota.Take(storeId);
        if (left >= 0)
        {
            return true;
        }

        headers[HeaderNames.RetryAfter] = headers["X-Retry-After"] = StoreQuota.RetryAfterSeconds(resetMs);
        return false;
    }
}
