using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CustomerApi.Features.Admin.Faults;

/// <summary>
/// Each store's fault rules, in memory (a restart forgets them), keyed by store id: ids are never reused, so a store
/// deleted and made again with the same hash starts without the old one's rules.
/// </summary>
public sealed class StoreFaults
{
    private readonly ConcurrentDictionary<int, FaultRule[]> _rules = new();
    private readonly Lock _writing = new();
    private volatile bool _anyStore;

    /// <summary>Asked first on every request: when no store has rules, nothing else is (not the request's store, not the dictionary).</summary>
    public bool AnyStoreHasRules => _anyStore;

    /// <summary>The hot path of a request when some store has rules: one lookup, nothing allocated.</summary>
    public bool TryGetRules(int storeId, [NotNullWhen(true)] out FaultRule[]? rules) => _rules.TryGetValue(storeId, out rules);

    public IReadOnlyList<FaultRule> RulesOf(int storeId) => _rules.TryGetValue(storeId, out var rules) ? rules : [];

    /// <summary>Gives the store these rules instead of the ones it had; none clears them.</summary>
    public void Replace(int storeId, FaultRule[] rules)
    {
        lock (_writing)
        {
            if (rules.Length == 0)
            {
                _rules.TryRemove(storeId, out _);
            }
            else
            {
                _rules[storeId] = rules;
            }

            _anyStore = !_rules.IsEmpty;
        }
    }
}
