namespace CustomerApi.Features.Admin.Faults;

/// <summary>
/// One fault rule of a store, as the fault middleware applies it, with its counters. A rule is replaced, never changed:
/// a store's new rules start with fresh counters.
/// </summary>
public sealed class FaultRule
{
    private long _matched;
    private long _fired;
    private int _left;

    /// <summary>A validated rule; <paramref name="path"/> normalized (<see cref="FaultPaths.Normalize"/>): a prefix, or a template when it holds <c>{</c>.</summary>
    public FaultRule(string? method, string path, int? status, double probability, int latencyMs, int? times)
    {
        Method = method;
        Path = path;
        IsTemplate = path.Contains('{', StringComparison.Ordinal);
        Status = status;
        Probability = probability;
        LatencyMs = latencyMs;
        Times = times;
        _left = times ?? 0;
    }

    public string? Method { get; }
    public string Path { get; }
    public bool IsTemplate { get; }
    public int? Status { get; }
    public double Probability { get; }
    public int LatencyMs { get; }
    public int? Times { get; }

    /// <summary>
    /// Whether the rule's method and path match: <paramref name="pathAfterStore"/> is the request's path after
    /// <c>/stores/{store_hash}</c> (<c>/v3/customers/5/metafields</c>), <paramref name="template"/> the matched route's
    /// template after it, needed only when <see cref="IsTemplate"/>.
    /// </summary>
    public bool AppliesTo(string method, ReadOnlySpan<char> pathAfterStore, string? template)
    {
        if (Method is not null && !(HttpMethods.Equals(Method, method) || (Method == HttpMethods.Get && HttpMethods.IsHead(method))))
        {
            return false;
        }

        if (IsTemplate)
        {
            return string.Equals(Path, template, StringComparison.OrdinalIgnoreCase);
        }

        return pathAfterStore.StartsWith(Path, StringComparison.OrdinalIgnoreCase)
            && (pathAfterStore.Length == Path.Length || pathAfterStore[Path.Length] == '/');
    }

    /// <summary>For a request the rule applies to: rolls its probability, then takes one of its times; true when it fires.</summary>
    public bool TryFire()
    {
        Interlocked.Increment(ref _matched);
        // NextDouble is in [0, 1): a probability of 0 never fires, and 1 skips the dice.
        if (Probability < 1 && Random.Shared.NextDouble() >= Probability)
        {
            return false;
        }

        if (Times is not null && !TryTakeOneTime())
        {
            return false;
        }

        Interlocked.Increment(ref _fired);
        return true;
    }

    public FaultRuleView View() => new(Method, Path.Length == 0 ? "/" : Path, Status, Probability, LatencyMs, Times,
        Times is null ? null : Volatile.Read(ref _left), Interlocked.Read(ref _matched), Interlocked.Read(ref _fired));

    /// <summary>Exact under any concurrency: never below 0, so a rule of <c>times: 3</c> fires 3 times and a spent rule never again.</summary>
    private bool TryTakeOneTime()
    {
        var left = Volatile.Read(ref _left);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _left, left - 1, left);
            if (seen == left)
            {
                return true;
            }

            left = seen;
        }

        return false;
    }
}
