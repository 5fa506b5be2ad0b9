namespace CustomerApi.Infrastructure.Http;

/// <summary>A fixed-window counter: a quota of requests per window, the window restarting at the first request after it ends.</summary>
public sealed class FixedWindow
{
    private readonly Lock _counting = new();
    private long _start;
    private int _used;

    /// <returns>Requests left after this one (negative: refused) and milliseconds until the window resets.</returns>
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
