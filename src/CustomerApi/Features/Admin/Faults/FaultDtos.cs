namespace CustomerApi.Features.Admin.Faults;

/// <summary>The store's fault rules, all of them: they replace the ones it had (<c>[]</c> clears them).</summary>
public sealed class PutFaults
{
    public List<FaultRuleInput?>? Rules { get; init; }
}

public sealed class FaultRuleInput
{
    /// <summary>GET, POST, PUT or DELETE (GET covers HEAD); none for every method.</summary>
    public string? Method { get; init; }

    /// <summary>A path prefix after <c>/stores/{store_hash}</c> (<c>/v3/customers</c>), or a route template (<c>/v2/customers/{customer_id}</c>).</summary>
    public string? Path { get; init; }

    /// <summary>429, 500, 502, 503 or 504; none to only delay by <see cref="LatencyMs"/>.</summary>
    public int? Status { get; init; }

    /// <summary>The chance, 0 to 1, that a matching request is faulted (1 when none is given).</summary>
    public double? Probability { get; init; }

    public int? LatencyMs { get; init; }

    /// <summary>How many requests the rule faults before it is spent; none for no end.</summary>
    public int? Times { get; init; }
}

public sealed record FaultsView(IReadOnlyList<FaultRuleView> Rules);

/// <summary>A rule as it stands: <c>matched</c> requests it applied to, of which <c>fired</c> were faulted (the others lost the dice).</summary>
public sealed record FaultRuleView(
    string? Method, string Path, int? Status, double Probability, int LatencyMs, int? Times, int? TimesLeft, long Matched, long Fired);

/// <summary>A BigCommerce plan by name, or a quota of the store's own (<c>window_ms</c> defaults to the configured window).</summary>
public sealed class PutRateLimit
{
    public string? Plan { get; init; }

    public int? Quota { get; init; }

    public long? WindowMs { get; init; }
}

/// <summary>The store's limit: <c>plan</c> is a BigCommerce plan's name, <c>custom</c>, or <c>default</c> (the configured one).</summary>
public sealed record RateLimitView(string Plan, int Quota, long WindowMs);
