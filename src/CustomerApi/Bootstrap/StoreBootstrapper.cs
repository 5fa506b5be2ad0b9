using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Bootstrap;

/// <summary>
/// Creates the configured stores, tokens, form fields and channels, idempotently: running it twice changes nothing. A token's
/// scopes and a form field's type, options and required flag are set to what the configuration says; tokens and fields
/// it does not name are left alone.
/// </summary>
public static class StoreBootstrapper
{
    public static async Task EnsureAsync(CustomerDbContext db, IEnumerable<StoreSeed> seeds, TimeProvider clock, CancellationToken ct)
    {
        var stores = new List<(Store Store, StoreSeed Seed)>();
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

            stores.Add((store, seed));
        }

        await db.SaveChangesAsync(ct);

        // One transaction: a type change deletes values as it goes, and a seed refused after it must not leave that done.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (store, seed) in stores.Where(s => s.Seed.FormFields.Count > 0))
        {
            await EnsureFormFieldsAsync(db, store, seed.FormFields, ct);
        }

        foreach (var (store, seed) in stores.Where(s => s.Seed.Channels.Count > 0))
        {
            await EnsureChannelsAsync(db, store, seed.Channels, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Adds the fields the store lacks (matched by owner and name, ignoring case) and updates the others. A field whose
    /// type changes loses its values: they answered another kind of question (and a password's are hashes).
    /// </summary>
    private static async Task EnsureFormFieldsAsync(CustomerDbContext db, Store store, List<FormFieldSeed> seeds, CancellationToken ct)
    {
        var fields = await db.FormFields.Where(f => f.StoreId == store.Id).ToListAsync(ct);
        var nextId = fields.Count == 0 ? 1 : fields.Max(f => f.Id) + 1;
        foreach (var seed in seeds)
        {
            var (name, type, owner, options) = Checked(store.Hash, seed);
            if (seeds.Count(s => s.For.Trim().Equals(owner, StringComparison.OrdinalIgnoreCase) && s.Name.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) > 1)
            {
                throw new InvalidOperationException($"Bootstrap: store {store.Hash} names the {owner} form field '{name}' twice.");
            }

            var field = fields.FirstOrDefault(f => f.For == owner && f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                field = new FormField { StoreId = store.Id, Id = nextId++, Name = name, Type = type, For = owner };
                fields.Add(field);
                db.FormFields.Add(field);
            }
            else if (field.Type != type)
            {
                await db.FormFieldValues.Where(v => v.StoreId == store.Id && v.FieldId == field.Id).ExecuteDeleteAsync(ct);
            }

            (field.Name, field.Type, field.Required, field.Options) = (name, type, seed.Required, options);
        }

        if (fields.Count > FormField.MaxPerStore)
        {
            throw new InvalidOperationException($"Bootstrap: store {store.Hash} would have {fields.Count} form fields; at most {FormField.MaxPerStore}.");
        }
    }

    /// <summary>Adds the channels the store does not know yet; a known channel keeps the settings it has.</summary>
    private static async Task EnsureChannelsAsync(CustomerDbContext db, Store store, List<ChannelSeed> seeds, CancellationToken ct)
    {
        if (seeds.FirstOrDefault(c => c.Id < 1) is { } bad)
        {
            throw new InvalidOperationException($"Bootstrap: store {store.Hash} names channel {bad.Id}; a channel's Id is 1 or more.");
        }

        var known = await db.ChannelSettings.Where(c => c.StoreId == store.Id).Select(c => c.ChannelId).ToListAsync(ct);
        foreach (var seed in seeds.DistinctBy(c => c.Id).Where(c => !known.Contains(c.Id)))
        {
            db.ChannelSettings.Add(new ChannelSettings { StoreId = store.Id, ChannelId = seed.Id, AllowGlobalLogins = seed.AllowGlobalLogins });
        }
    }

    private static (string Name, string Type, string Owner, string[] Options) Checked(string storeHash, FormFieldSeed seed)
    {
        var name = seed.Name.Trim();
        var type = seed.Type.Trim().ToLowerInvariant();
        var owner = seed.For.Trim().ToLowerInvariant();
        var options = seed.Options.Select(o => o.Trim()).ToArray();
        string? problem = name.Length is 0 or > FormField.NameLength ? $"a form field's Name must be 1 to {FormField.NameLength} characters"
            : !FormFieldTypes.All.Contains(type) ? $"form field '{name}' has Type '{seed.Type}'; it must be one of {string.Join(", ", FormFieldTypes.All)}"
            : owner is not (FormFieldOwners.Customer or FormFieldOwners.Address) ? $"form field '{name}' is For '{seed.For}'; it must be customer or address"
            : FormFieldTypes.HasOptions(type) && (options.Length == 0 || options.Any(o => o.Length == 0) || options.Distinct(StringComparer.OrdinalIgnoreCase).Count() < options.Length)
                ? $"form field '{name}' ({type}) needs Options: one or more, each different and not blank"
            : !FormFieldTypes.HasOptions(type) && options.Length > 0 ? $"form field '{name}' ({type}) takes no Options"
            : null;
        return problem is null ? (name, type, owner, options) : throw new InvalidOperationException($"Bootstrap: store {storeHash}: {problem}.");
    }
}
