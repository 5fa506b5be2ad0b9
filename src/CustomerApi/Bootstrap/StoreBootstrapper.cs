using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Bootstrap;

/// <summary>Creates the configured stores and tokens, idempotently: running it twice changes nothing.</summary>
public static class StoreBootstrapper
{
    public static async Task EnsureAsync(CustomerDbContext db, IEnumerable<StoreSeed> seeds, TimeProvider clock, CancellationToken ct)
    {
        foreach (var seed in seeds)
        {
            var hash = seed.Hash.Trim();
            if (hash.Length == 0)
            {
                throw new InvalidOperationException("Bootstrap: every store needs a Hash.");
            }

            var store = await db.Stores.Include(s => s.Tokens).SingleOrDefaultAsync(s => s.Hash == hash, ct);
            if (store is null)
            {
                store = new Store { Hash = hash, DateCreated = clock.GetUtcNow().UtcDateTime };
                db.Stores.Add(store);
            }

            foreach (var tokenSeed in seed.Tokens.Where(t => t.AccessToken.Length > 0))
            {
                var tokenHash = TokenHasher.Hash(tokenSeed.AccessToken);
                var scopes = string.Join(' ', tokenSeed.Scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct());
                var token = store.Tokens.FirstOrDefault(t => t.TokenHash.AsSpan().SequenceEqual(tokenHash));
                if (token is null)
                {
                    store.Tokens.Add(new ApiToken { TokenHash = tokenHash, Scopes = scopes, DateCreated = clock.GetUtcNow().UtcDateTime });
                }
                else
                {
                    token.Scopes = scopes;
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
