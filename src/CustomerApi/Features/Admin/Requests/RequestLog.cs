using System.Collections.Concurrent;
using System.Globalization;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// Each store's last requests to its API, in memory, for the admin API to show: a ring of <c>Admin:RequestLogSize</c>
/// entries (1,000 by default) per store that has had a request, made at its first one. Keyed by the store's id, which the
/// database never hands out twice, so a store made later with a deleted store's hash starts with an empty log. At most
/// size × (<see cref="MaxBodyBytes"/> × 2 + <see cref="MaxTextLength"/> × 4 bytes and a little more) per store.
/// </summary>
public sealed class RequestLog
{
    public const string SizeSetting = "Admin:RequestLogSize";
    public const int DefaultSize = 1_000;
    public const int MaxSize = 100_000;

    /// <summary>The most a GET answers when it does not say.</summary>
    public const int DefaultLimit = 100;

    /// <summary>How much of each body of a 4xx exchange is kept.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    /// <summary>How much of a path or a query is kept (a URL may be 32 KiB long).</summary>
    public const int MaxTextLength = 2 * 1024;

    private readonly ConcurrentDictionary<int, StoreRequests> _stores = new();

    public RequestLog(IConfiguration configuration)
    {
        Size = configuration.GetValue<int?>(SizeSetting) ?? DefaultSize;
        if (Size is < 1 or > MaxSize)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{SizeSetting} must be from 1 to {MaxSize} requests per store, not {Size}."));
        }
    }

    /// <summary>How many requests each store's log holds.</summary>
    public int Size { get; }

    public void Add(int storeId, in LoggedRequest request) =>
        _stores.GetOrAdd(storeId, static (_, size) => new StoreRequests(size), Size).Add(request);

    /// <returns>The store's last <paramref name="limit"/> requests at most, the newest first.</returns>
    public IReadOnlyList<LoggedRequest> Latest(int storeId, int limit) =>
        _stores.TryGetValue(storeId, out var requests) ? requests.Latest(limit) : [];

    public void Clear(int storeId) => _stores.TryRemove(storeId, out _);
}
