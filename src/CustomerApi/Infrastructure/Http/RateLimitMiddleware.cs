using System.Globalization;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// BigCommerce's per-store quota: a fixed window, one unit a request, the four X-Rate-Limit headers on every
/// authenticated answer and 429 with X-Retry-After when the quota is spent (behaviour doc section 5). The headers
/// give the store's own quota and window when the admin API changed them (<see cref="StoreQuota.Change"/>).
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, StoreQuota quota)
{
    public Task InvokeAsync(HttpContext context)
    {
        var store = context.Features.Get<StoreContext>();
        if (store is null)
        {
            return next(context);
        }

        var (left, resetMs, limit) = quota.Take(store.Id);
        WriteHeaders(context.Response.Headers, limit, Math.Max(left, 0), resetMs);
        return left < 0 ? RefuseAsync(context, resetMs) : next(context);
    }

    /// <summary>429 as a spent quota answers it; the four X-Rate-Limit headers must already be written.</summary>
    public static Task RefuseAsync(HttpContext context, long resetMs)
    {
        context.Response.Headers[AddressRateLimit.RetryAfterHeader] = StoreQuota.RetryAfterSeconds(resetMs);
        return BcErrors.TooManyRequests(ApiVersions.FromPath(context.Request.Path)).ExecuteAsync(context);
    }

    public static void WriteHeaders(IHeaderDictionary headers, QuotaLimit limit, int left, long resetMs)
    {
        headers["X-Rate-Limit-Time-Window-Ms"] = limit.WindowHeader;
        headers["X-Rate-Limit-Time-Reset-Ms"] = resetMs.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Requests-Quota"] = limit.QuotaHeader;
        headers["X-Rate-Limit-Requests-Left"] = left.ToString(CultureInfo.InvariantCulture);
    }
}
