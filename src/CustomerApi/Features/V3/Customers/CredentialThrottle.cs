using System.Collections.Concurrent;
using System.Globalization;
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

    private readonly long _windowMs = configuration.GetValue<long?>($"{Section}:WindowMs") ?? 30_000;
    private readonly int _quota = configuration.GetValue<int?>($"{Section}:RequestsPerWindow") ?? 100;
    private readonly ConcurrentDictionary<int, FixedWindow> _windows = new();

    /// <returns>False, with the retry headers set, when the store's quota for this window is spent.</returns>
    public bool TryTake(int storeId, IHeaderDictionary headers)
    {
        var (left, resetMs) = _windows.GetOrAdd(storeId, _ => new FixedWindow()).Take(clock.GetUtcNow().ToUnixTimeMilliseconds(), _windowMs, _quota);
        if (left >= 0)
        {
            return true;
        }

        var seconds = ((resetMs + 999) / 1000).ToString(CultureInfo.InvariantCulture);
        headers[HeaderNames.RetryAfter] = seconds;
        headers["X-Retry-After"] = seconds;
        return false;
    }
}
