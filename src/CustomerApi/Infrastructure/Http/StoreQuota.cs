using System.Collections.Concurrent;
using System.Globalization;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// A quota per store in fixed windows: <c>RequestsPerWindow</c> per <c>WindowMs</c> of a configuration section, each
/// store's window starting at its first request after the last one ended. Behind the store's quota
/// (<see cref="RateLimitMiddleware"/>) and validate-credentials' own.
/// </summary>
public sealed class StoreQuota(IConfigurationSection section, int defaultQuota, long defaultWindowMs, TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, Window> _windows = new();

    public long WindowMs { get; } = section.GetValue<long?>("WindowMs") ?? defaultWindowMs;
    public int Quota { get; } = section.GetValue<int?>("RequestsPerWindow") ?? defaultQuota;

    /// <returns>Requests left after this one (negative: refused) and milliseconds until the store's window resets.</returns>
    public (int Left, long ResetMs) Take(int storeId) =>
        _windows.GetOrAdd(storeId, _ => new Window()).Take(clock.GetUtcNow().ToUnixTimeMilliseconds(), WindowMs, Quota);

    /// <summary>The wait until <paramref name="resetMs"/> in whole seconds, rounded up, as the retry headers give it.</summary>
    public static string RetryAfterSeconds(long resetMs) => ((resetMs + 999) / 1000).ToString(CultureInfo.InvariantCulture);

    private sealed class Window
    {
        private readonly Lock _counting = new();
        private long _start;
        private int _used;

        public (int Left, long ResetMs) Take(long nowMs, long windowMs, int quota)
        {
            lock (_counting)
            {
                if (nowMs - _start >= windowMs)
                {
                    _start = nowMs;
                    _used = 0;
                }

                _used++;
                return (quota - _used, windowMs - (nowMs - _start));
            }
        }
    }
}
