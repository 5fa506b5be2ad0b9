using System.Collections.Frozen;
using System.Globalization;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Features.V3.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>
/// Finds a store and checks a token against it, caching each store's tokens (and form fields and channels) for a short while. Once a store is
/// cached, checking a token (right or wrong) queries nothing and allocates nothing: the token is hashed on the stack
/// and compared in constant time with the store's token hashes, and the answer is a grant made when it was cached.
/// A hash that names no store is remembered too, briefly and in a bounded cache (<c>Auth:UnknownStoreCacheMs</c>,
/// <c>Auth:UnknownStoreCacheEntries</c>), so a flood for a store that does not exist queries the database once per
/// that time, while a store created a moment later is found once it has passed.
/// </summary>
public sealed class StoreDirectory : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly object Missing = new();

    private readonly IServiceScopeFactory _scopes;

    /// <summary>Stores that exist, by hash: bounded by the database's stores, not by what requests ask for.</summary>
    private readonly MemoryCache _known = new(new MemoryCacheOptions());

    /// <summary>Hashes that named no store, each of size 1 (at most 64 characters), at most <c>SizeLimit</c> of them.</summary>
    private readonly MemoryCache? _unknown;
    private readonly TimeSpan _unknownFor;

    public StoreDirectory(IServiceScopeFactory scopes, IConfiguration configuration)
    {
        _scopes = scopes;
        var unknownMs = configuration.GetValue<long?>("Auth:UnknownStoreCacheMs") ?? 2_000;
        var entries = configuration.GetValue<long?>("Auth:UnknownStoreCacheEntries") ?? 10_000;
        if (unknownMs < 0 || entries < 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Auth:UnknownStoreCacheMs ({unknownMs}) and Auth:UnknownStoreCacheEntries ({entries}) must not be negative; 0 turns the cache off."));
        }

        if (unknownMs > 0 && entries > 0)
        {
            _unknownFor = TimeSpan.FromMilliseconds(unknownMs);
            _unknown = new MemoryCache(new MemoryCacheOptions { SizeLimit = entries });
        }
    }

    public sealed record Grant(StoreContext Store, ApiClient Client, IReadOnlySet<string> Scopes);

    private sealed record CachedStore(int StoreId, byte[][] TokenHashes, Grant[] Grants)
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
        IsCached(storeHash, out var cached) ? ValueTask.FromResult(cached?.Authenticate(token)) : LoadAndAuthenticateAsync(storeHash, token, ct);

    /// <returns>The id of the store with this hash, or null when there is none; cached as for a token, right or wrong.</returns>
    public ValueTask<int?> FindIdAsync(string storeHash, CancellationToken ct) =>
        IsCached(storeHash, out var cached) ? ValueTask.FromResult(cached?.StoreId) : LoadIdAsync(storeHash, ct);

    /// <returns>The id of the store with this hash when it is cached now (it had a request lately), else null: never a query.</returns>
    public int? CachedId(string storeHash) => _known.TryGetValue(storeHash, out CachedStore? cached) ? cached!.StoreId : null;

    /// <summary>
    /// Drops what is cached of the hash, so that its next request reads it afresh: after a store's channels or tokens
    /// change, and after a store is made or deleted (a miss remembered a moment before must not hide a new store).
    /// </summary>
    public void Forget(string storeHash)
    {
        _known.Remove(storeHash);
        _unknown?.Remove(storeHash);
    }

    public void Dispose()
    {
        _known.Dispose();
        _unknown?.Dispose();
    }

    /// <summary>Whether the cache answers for this hash: with the store, or with null for a hash that names none.</summary>
    private bool IsCached(string storeHash, out CachedStore? cached)
    {
        if (_known.TryGetValue(storeHash, out cached))
        {
            return true;
        }

        return storeHash.Length > Store.HashMaxLength || _unknown?.TryGetValue(storeHash, out _) == true;
    }

    private async ValueTask<int?> LoadIdAsync(string storeHash, CancellationToken ct) => (await LoadAsync(storeHash, ct))?.StoreId;

    private async ValueTask<Grant?> LoadAndAuthenticateAsync(string storeHash, string token, CancellationToken ct)
    {
        var store = await LoadAsync(storeHash, ct);
        return store?.Authenticate(token);
    }

    private async Task<CachedStore?> LoadAsync(string storeHash, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var row = await db.Stores.AsNoTracking()
            .Where(s => s.Hash == storeHash)
            .Select(s => new { s.Id, s.Hash, Tokens = s.Tokens.Select(t => new { t.TokenHash, t.Scopes }).ToList() })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            // Only a miss, and only briefly: a store created after this query is found once the entry expires. When
            // the cache is full the entry is not kept (and the cache compacts), so random hashes cannot grow it.
            _unknown?.Set(storeHash, Missing, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _unknownFor });
            return null;
        }

        var fields = await db.FormFields.AsNoTracking().Where(f => f.StoreId == row.Id)
            .Select(f => new FormFieldDefinition(f.Id, f.Name, f.Type, f.For, f.Required, f.Options)).ToListAsync(ct);
        var channels = await db.ChannelSettings.AsNoTracking().Where(c => c.StoreId == row.Id)
            .Select(c => new KeyValuePair<int, bool>(c.ChannelId, c.AllowGlobalLogins)).ToListAsync(ct);
        var store = new StoreContext(row.Id, row.Hash, fields.Count == 0 ? StoreFormFields.None : new StoreFormFields(fields),
            channels.Count == 0 ? StoreChannels.OnlyDefault : new StoreChannels(channels));
        var cached = new CachedStore(
            row.Id,
            row.Tokens.Select(t => t.TokenHash).ToArray(),
            row.Tokens.Select(t => new Grant(store, ApiClient.ForToken(t.TokenHash), t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet())).ToArray());
        return _known.Set(storeHash, cached, CacheFor);
    }
}
