using System.Collections.Frozen;
using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>
/// Finds a store and checks a token against it, caching each store's tokens for a short while. Once a store is
/// cached, checking a token (right or wrong) queries nothing and allocates nothing: the token is hashed on the stack
/// and compared in constant time with the store's token hashes, and the answer is a grant made when it was cached.
/// </summary>
public sealed class StoreDirectory(IServiceScopeFactory scopes) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>Stores that exist, by hash: bounded by the database's stores, not by what requests ask for.</summary>
    private readonly MemoryCache _known = new(new MemoryCacheOptions());

    public sealed record Grant(StoreContext Store, IReadOnlySet<string> Scopes);

    private sealed record CachedStore(byte[][] TokenHashes, Grant[] Grants)
    {
        public Grant? Authenticate(string token)
        {
            Span<byte> presented = stackalloc byte[TokenHasher.HashSize];
            TokenHasher.Hash(token, presented);
            return TokenHasher.Matches(presented, TokenHashes, out var index) ? Grants[index] : null;
        }
    }

    /// <returns>The store and the token's scopes, or null when the store is unknown or the token is not one of its tokens.</returns>
    public ValueTask<Grant?> AuthenticateAsync(string storeHash, string token, CancellationToken ct) =>
        _known.TryGetValue(storeHash, out CachedStore? cached)
            ? ValueTask.FromResult(cached!.Authenticate(token))
            : LoadAndAuthenticateAsync(storeHash, token, ct);

    public void Dispose() => _known.Dispose();

    private async ValueTask<Grant?> LoadAndAuthenticateAsync(string storeHash, string token, CancellationToken ct)
    {
        var store = await LoadAsync(storeHash, ct);
        return store?.Authenticate(token);
    }

    private async Task<CachedStore?> LoadAsync(string storeHash, CancellationToken ct)
    {
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

        var store = new StoreContext(row.Id, row.Hash);
        var cached = new CachedStore(
            row.Tokens.Select(t => t.TokenHash).ToArray(),
            row.Tokens.Select(t => new Grant(store, t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet())).ToArray());
        return _known.Set(storeHash, cached, CacheFor);
    }
}
