using System.Collections.Frozen;
using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>Finds a store and checks a token against it, caching each store's tokens for a short while.</summary>
public sealed class StoreDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public sealed record Grant(StoreContext Store, IReadOnlySet<string> Scopes);

    private sealed record CachedStore(StoreContext Store, byte[][] TokenHashes, IReadOnlySet<string>[] TokenScopes);

    /// <returns>The store and the token's scopes, or null when the store is unknown or the token is not one of its tokens.</returns>
    public async ValueTask<Grant?> AuthenticateAsync(string storeHash, string token, CancellationToken ct)
    {
        var store = await FindAsync(storeHash, ct);
        if (store is null || !TokenHasher.Matches(TokenHasher.Hash(token), store.TokenHashes, out var index))
        {
            return null;
        }

        return new Grant(store.Store, store.TokenScopes[index]);
    }

    private async ValueTask<CachedStore?> FindAsync(string storeHash, CancellationToken ct)
    {
        var key = (typeof(StoreDirectory), storeHash);
        if (cache.TryGetValue(key, out CachedStore? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var row = await db.Stores.AsNoTracking()
            .Where(s => s.Hash == storeHash)
            .Select(s => new { s.Id, s.Hash, Tokens = s.Tokens.Select(t => new { t.TokenHash, t.Scopes }).ToList() })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null; // unknown stores are not cached: a store may be created a moment later
        }

        cached = new CachedStore(
            new StoreContext(row.Id, row.Hash),
            row.Tokens.Select(t => t.TokenHash).ToArray(),
            row.Tokens.Select(t => (IReadOnlySet<string>)t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet()).ToArray());
        return cache.Set(key, cached, CacheFor);
    }
}
