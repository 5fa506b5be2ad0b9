namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// Reads <c>/stores/{hash}/v2/...</c> and <c>/stores/{hash}/v3/...</c>, the paths whose requests the log records, as
/// routing will after CanonicalRequestMiddleware: segments in any case, runs of slashes as one.
/// </summary>
public static class StoreApiPath
{
    public static bool Matches(ReadOnlySpan<char> path) => TryGetHash(path, out _);

    /// <returns>The store hash the path names, or null when it is not a path of a store's API.</returns>
    public static string? Hash(string? path) => TryGetHash(path, out var hash) ? path![hash] : null;

    /// <summary><c>/v3/customers/5</c> of <c>/stores/abc/v3/customers/5</c>: the path after the store's hash, or empty when it is no store path.</summary>
    public static ReadOnlySpan<char> AfterStore(string? path) => TryGetHash(path, out var hash) ? path.AsSpan(hash.End.Value) : [];

    private static bool TryGetHash(ReadOnlySpan<char> path, out Range hash)
    {
        var at = 0;
        hash = default;
        return NextSegment(path, ref at, out var stores) && path[stores].Equals("stores", StringComparison.OrdinalIgnoreCase)
            && NextSegment(path, ref at, out hash)
            && NextSegment(path, ref at, out var version)
            && (path[version].Equals("v2", StringComparison.OrdinalIgnoreCase) || path[version].Equals("v3", StringComparison.OrdinalIgnoreCase));
    }

    private static bool NextSegment(ReadOnlySpan<char> path, ref int at, out Range segment)
    {
        while (at < path.Length && path[at] == '/')
        {
            at++;
        }

        var start = at;
        while (at < path.Length && path[at] != '/')
        {
            at++;
        }

        segment = start..at;
        return at > start;
    }
}
