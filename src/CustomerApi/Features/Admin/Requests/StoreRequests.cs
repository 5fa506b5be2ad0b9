namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// One store's last requests: a ring of at most <paramref name="size"/> entries, the oldest overwritten. Its array starts
/// small and doubles up to the size, so that a store with a few requests does not hold a thousand empty slots.
/// </summary>
public sealed class StoreRequests(int size)
{
    private const int FirstSlots = 16;

    private readonly Lock _entriesLock = new();
    private LoggedRequest[] _entries = new LoggedRequest[Math.Min(size, FirstSlots)];
    private int _next;
    private int _count;

    public void Add(in LoggedRequest request)
    {
        lock (_entriesLock)
        {
            if (_next == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Min(size, _entries.Length * 2)); // a smaller array is always full: the new slots follow
            }

            _entries[_next] = request;
            _count = Math.Min(_count + 1, _entries.Length);
            _next++;
            if (_next == size)
            {
                _next = 0; // only the full-sized array wraps
            }
        }
    }

    /// <returns>At most <paramref name="limit"/> entries, the newest first.</returns>
    public LoggedRequest[] Latest(int limit)
    {
        lock (_entriesLock)
        {
            var latest = new LoggedRequest[Math.Min(limit, _count)];
            for (var i = 0; i < latest.Length; i++)
            {
                latest[i] = _entries[(_next - 1 - i + _entries.Length) % _entries.Length];
            }

            return latest;
        }
    }
}
