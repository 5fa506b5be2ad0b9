using System.Collections.Concurrent;
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
    private readonly long _windowMs = configuration.GetValue<long?>("RateLimit:WindowMs") ?? 30_000;
    private readonly int _quota = configuration.GetValue<int?>("RateLimit:RequestsPerWindow") ?? 1_000_000;
    private readonly ConcurrentDictionary<int, FixedWindow> _windows = new();
    private string WindowHeader => field ??= _windowMs.ToString(CultureInfo.InvariantCulture);
    private string QuotaHeader => field ??= _quota.ToString(CultureInfo.InvariantCulture);

    public Task InvokeAsync(HttpContext context)
    {
        var store = context.Features.Get<StoreContext>();
        if (store is null)
        {
            return next(context);
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var (left, resetMs) = _windows.GetOrAdd(store.Id, _ => new FixedWindow()).Take(now, _windowMs, _quota);
        var headers = context.Response.Headers;
        headers["X-Rate-Limit-Time-Window-Ms"] = WindowHeader;
        headers["X-Rate-Limit-Time-Reset-Ms"] = resetMs.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Requests-Quota"] = QuotaHeader;
        headers["X-Rate-Limit-Requests-Left"] = Math.Max(left, 0).ToString(CultureInfo.InvariantCulture);
        if (left < 0)
        {
            headers["X-Retry-After"] = ((resetMs + 999) / 1000).ToString(CultureInfo.InvariantCulture);
            return BcErrors.TooManyRequests(ApiVersions.FromPath(context.Request.Path)).ExecuteAsync(context);
        }

        return next(context);
    }
}
