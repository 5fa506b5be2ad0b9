using System.Globalization;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// BigCommerce's per-store quota: a fixed window, one unit a request, the four X-Rate-Limit headers on every
/// authenticated answer and 429 with X-Retry-After when the quota is spent (behaviour doc section 5).
/// The default quota is generous so that load tests measure the emulator, not the limit.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, IConfiguration configuration, TimeProvider clock)
{
    private readonly StoreQuota _quota = new(configuration.GetSection("RateLimit"), defaultQuota: 1_000_000, defaultWindowMs: 30_000, clock);
    private string WindowHeader => field ??= _quota.WindowMs.ToString(CultureInfo.InvariantCulture);
    private string QuotaHeader => field ??= _quota.Quota.ToString(CultureInfo.InvariantCulture);

    public Task InvokeAsync(HttpContext context)
    {
        var store = context.Features.Get<StoreContext>();
        if (store is null)
        {
            return next(context);
        }

        var (left, resetMs) = _quota.Take(store.Id);
        var headers = context.Response.Headers;
        headers["X-Rate-Limit-Time-Window-Ms"] = WindowHeader;
        headers["X-Rate-Limit-Time-Reset-Ms"] = resetMs.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Requests-Quota"] = QuotaHeader;
        headers["X-Rate-Limit-Requests-Left"] = Math.Max(left, 0).ToString(CultureInfo.InvariantCulture);
        if (left < 0)
        {
            headers["X-Retry-After"] = StoreQuota.RetryAfterSeconds(resetMs);
            return BcErrors.TooManyRequests(ApiVersions.FromPath(context.Request.Path)).ExecuteAsync(context);
        }

        return next(context);
    }
}
