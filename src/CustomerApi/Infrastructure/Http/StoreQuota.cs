using System.Collections.Concurrent;
using System.Globalization;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// A quota per store in fixed windows: <c>RequestsPerWindow</c> per <c>WindowMs</c> of a configuration section, each
/// store's window starting at its first request after the last one ended. Behind the store's quota
/// (<see cref="RateLimitMiddleware"/>, one for the app, whose limit the admin API can change per store) and
/// validate-credentials' own.
/// </summary>
public sealed class StoreQuota
{
    public const string StoreRequestsSection = "RateLimit";

    private readonly ConcurrentDictionary<int, Window> _windows = new();
    private readonly Func<int, Window> _newDefaultWindow;
    private readonly TimeProvider _clock;

    public StoreQuota(IConfigurationSection section, int defaultQuota, long defaultWindowMs, TimeProvider clock)
    {
        _clock = clock;
        Default = new QuotaLimit(section.GetValue<int?>("RequestsPerWindow") ?? defaultQuota, section.GetValue<long?>("WindowMs") ?? defaultWindowMs);
        _newDefaultWindow = _ => new Window(Default); // made once: taking from a store's first window allocates only the window
    }

    /// <summary>The quota of every authenticated request, BigCommerce's per store: a generous default, so that load tests measure the emulator.</summary>
    public static StoreQuota ForStoreRequests(IConfiguration configuration, TimeProvider clock) =>
        new(configuration.GetSection(StoreRequestsSection), defaultQuota: 1_000_000, defaultWindowMs: 30_000, clock);

    /// <summary>The configured limit, of every store whose limit was not changed.</summary>
    public QuotaLimit Default { get; }

    /// <returns>Requests left after this one (negative: refused), milliseconds until the store's window resets, and the store's limit.</returns>
    public (int Left, long ResetMs, QuotaLimit Limit) Take(int storeId) =>
        _windows.GetOrAdd(storeId, _newDefaultWindow).Take(NowMs());

    /// <returns>The store's limit and the milliseconds until its window resets, without taking from it.</returns>
    public (QuotaLimit Limit, long ResetMs) Peek(int storeId) =>
        _windows.TryGetValue(storeId, out var window) ? window.Peek(NowMs()) : (Default, Default.WindowMs);

    /// <summary>Gives the store <paramref name="limit"/> from now on, in a fresh window: what was used of the old one is forgotten.</summary>
    public void Change(int storeId, QuotaLimit limit) => _windows[storeId] = new Window(limit);

    /// <summary>Gives the store the configured limit again, in a fresh window.</summary>
    public void Restore(int storeId) => _windows.TryRemove(storeId, out _);

    /// <summary>The wait until <paramref name="resetMs"/> in whole seconds, rounded up, as the retry headers give it.</summary>
    public static string RetryAfterSeconds(long resetMs) => ((resetMs + 999) / 1000).ToString(CultureInfo.InvariantCulture);

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class Window(QuotaLimit limit)
    {
        private readonly Lock _counting = new();
        private long _start;
        private int _used;

        public (int Left, long ResetMs, QuotaLimit Limit) Take(long nowMs)
        {
            lock (_counting)
            {
                if (nowMs - _start >= limit.WindowMs)
                {
                    _start = nowMs;
                    _used = 0;
                }

                _used++;
                return (limit.Quota - _used, limit.WindowMs - (nowMs - _start), limit);
            }
        }

        public (QuotaLimit Limit, long ResetMs) Peek(long nowMs)
        {
            lock (_counting)
            {
                return (limit, nowMs - _start >= limit.WindowMs ? limit.WindowMs : limit.WindowMs - (nowMs - _start));
            }
        }
    }
}

/// <summary>
/// <paramref name="Quota"/> requests per <paramref name="WindowMs"/>; <paramref name="Plan"/> names where it came from
/// (a BigCommerce plan, <c>custom</c>, or null for the configured default). The header values are written once, here.
/// </summary>
public sealed record QuotaLimit(int Quota, long WindowMs, string? Plan = null)
{
    public string QuotaHeader { get; } = Quota.ToString(CultureInfo.InvariantCulture);
    public string WindowHeader { get; } = WindowMs.ToString(CultureInfo.InvariantCulture);
}
