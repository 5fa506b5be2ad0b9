using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.CustomerGroups;
using CustomerApi.Features.V3.Settings;
using CustomerApi.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.Admin.Seed;

/// <summary>
/// Writes a seed plan into a store, all of it or nothing, in one transaction under the store's lock (StoreLock), as the
/// public API's writes do: ids from the store's own counters, each kind taken in one step; the store's emails locked
/// (EmailClaims, all at once) and each new one checked against the store's customers before it is written; groups,
/// attributes and channels as a client's create would leave them. Customers are made and written a chunk at a time, so
/// memory stays bounded.
/// </summary>
public static class StoreSeeder
{
    private const int ChunkSize = 1_000;

    public static async Task<(SeedSummary? Made, BcErrorResult? Error)> SeedAsync(
        CustomerDbContext db, int storeId, SeedPlan plan, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, storeId, ct);
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return (null, BcErrors.NotFound(ApiVersion.Admin)); // deleted since it was found
        }

        var attributeCount = await db.CustomerAttributes.CountAsync(a => a.StoreId == storeId, ct);
        if (attributeCount + plan.Attributes > CustomerAttribute.MaxPerStore)
        {
            return (null, BcErrors.AdminInvalid("attributes",
                $"the store has {attributeCount} of its {CustomerAttribute.MaxPerStore} customer attributes: at most {CustomerAttribute.MaxPerStore - attributeCount} more"));
        }

        var faker = new SeedFaker(plan.Seed);
        var groupIds = await AddGroupsAsync(db, storeId, faker, plan.Groups, now, ct);
        var attributes = await AddAttributesAsync(db, storeId, faker, plan.Attributes, now, ct);
        var assignable = groupIds.Count > 0
            ? groupIds
            : await db.CustomerGroups.Where(g => g.StoreId == storeId).OrderBy(g => g.Id).Select(g => g.Id).Take(SeedPlan.MaxGroups).ToListAsync(ct);
        var customers = await AddCustomersAsync(db, storeId, faker, plan, assignable, attributes, now, ct);
        await transaction.CommitAsync(ct);
        return (new SeedSummary(plan.Seed, customers.Ids.Count, customers.Addresses, groupIds.Count, attributes.Count, customers.Values,
            customers.Ids.Count > 0 ? customers.Ids[0] : null, customers.Ids.Count > 0 ? customers.Ids[^1] : null,
            groupIds, attributes.Select(a => a.Id).ToList()), null);
    }

    private static async Task<List<int>> AddGroupsAsync(CustomerDbContext db, int storeId, SeedFaker faker, int count, DateTime now, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

        var taken = await db.CustomerGroups.Where(g => g.StoreId == storeId).Select(g => g.NameKey).ToListAsync(ct);
        var bodies = faker.Groups(count, taken.ToHashSet(StringComparer.Ordinal));
        var firstId = await StoreSequences.TakeAsync(db, storeId, StoreSequence.CustomerGroups, ct, count);
        var groups = bodies.Select((body, i) =>
        {
            var group = new CustomerGroup { StoreId = storeId, Id = firstId + i, Name = "", NameKey = "", DateCreated = now };
            body.ApplyTo(group, now);
            return group;
        }).ToList();
        await BulkInserts.InsertAsync(db, groups, ct);
        return groups.Select(g => g.Id).ToList();
    }

    private static async Task<List<(int Id, SeedAttributeKind Kind)>> AddAttributesAsync(
        CustomerDbContext db, int storeId, SeedFaker faker, int count, DateTime now, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

        var taken = await db.CustomerAttributes.Where(a => a.StoreId == storeId).Select(a => a.NameKey).ToListAsync(ct);
        var made = faker.Attributes(count, taken.ToHashSet(StringComparer.Ordinal));
        var firstId = await StoreSequences.TakeAsync(db, storeId, StoreSequence.Attributes, ct, count);
        var attributes = made.Select((a, i) => new CustomerAttribute
        {
            StoreId = storeId, Id = firstId + i, Name = a.Name, NameKey = MatchKey.Of(a.Name), Type = a.Kind.Type, DateCreated = now, DateModified = now,
        }).ToList();
        await BulkInserts.InsertAsync(db, attributes, ct);
        return made.Select((a, i) => (firstId + i, a.Kind)).ToList();
    }

    private sealed record CustomersMade(List<int> Ids, int Addresses, int Values);

    private static async Task<CustomersMade> AddCustomersAsync(CustomerDbContext db, int storeId, SeedFaker faker, SeedPlan plan,
        IReadOnlyList<int> groupIds, IReadOnlyList<(int Id, SeedAttributeKind Kind)> attributes, DateTime now, CancellationToken ct)
    {
        if (plan.Customers == 0)
        {
            return new([], 0, 0);
        }

        var channelRows = await db.ChannelSettings.Where(c => c.StoreId == storeId)
            .Select(c => new KeyValuePair<int, bool>(c.ChannelId, c.AllowGlobalLogins)).ToListAsync(ct);
        var channels = new StoreChannels(channelRows).ForNewCustomer(null, ChannelRules.DefaultChannel);
        await EmailClaims.LockEveryEmailAsync(db, storeId, ct);
        var ids = await TakeCustomerIdsAsync(db, storeId, plan.Customers, ct);

        var (addressCount, valueCount) = (0, 0);
        for (var start = 0; start < ids.Count; start += ChunkSize)
        {
            var chunk = await ClaimEmailsAsync(db, storeId, ids.Skip(start).Take(ChunkSize).Select(faker.Identity).ToList(), channels, ct);
            var customers = new List<Customer>(chunk.Count);
            var addresses = new List<CustomerAddress>(chunk.Count * plan.AddressesPerCustomer);
            var values = new List<CustomerAttributeValue>();
            foreach (var (identity, i) in chunk.Select((identity, i) => (identity, start + i)))
            {
                var customer = faker.Customer(identity, storeId, channels, groupIds, faker.CreatedAt(now, i, ids.Count));
                customers.Add(customer);
                addresses.AddRange(faker.Addresses(customer, identity.Country, plan.AddressesPerCustomer));
                values.AddRange(faker.Values(customer, identity.Country, attributes));
            }

            await NumberAsync(db, storeId, StoreSequence.Addresses, addresses, (a, id) => a.Id = id, ct);
            await NumberAsync(db, storeId, StoreSequence.AttributeValues, values, (v, id) => v.Id = id, ct);
            await BulkInserts.InsertAsync(db, customers, ct);
            await BulkInserts.InsertAsync(db, addresses, ct);
            await BulkInserts.InsertAsync(db, values, ct);
            (addressCount, valueCount) = (addressCount + addresses.Count, valueCount + values.Count);
        }

        return new(ids, addressCount, valueCount);
    }

    /// <summary>
    /// The next <paramref name="count"/> customer ids, ascending, in one statement, from where the public API takes them
    /// (CustomerInserts): PostgreSQL's per-store sequence, whose ids a concurrent create may interleave with these; SQLite's
    /// <c>stores.last_customer_id</c>, a block.
    /// </summary>
    private static async Task<List<int>> TakeCustomerIdsAsync(CustomerDbContext db, int storeId, int count, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var taken = await db.Database.SqlQuery<int>(
                $"SELECT nextval(('customer_ids_' || {storeId})::regclass)::int AS \"Value\" FROM generate_series(1, {count})").ToListAsync(ct);
            return taken.Order().ToList();
        }

        var last = await db.Database.SqlQuery<int>(
            $"UPDATE stores SET last_customer_id = last_customer_id + {count} WHERE id = {storeId} RETURNING last_customer_id AS \"Value\"").ToListAsync(ct);
        return Enumerable.Range(last.Single() - count + 1, count).ToList();
    }

    /// <summary>
    /// Checks new emails against the store's customers, whose emails are all locked (EmailClaims.LockEveryEmailAsync). A
    /// seeded email is unique among seeded customers by construction (SeedFaker), so only one a client made can be in the
    /// way; that customer keeps it and the seeded one is tagged (<c>name12+1@...</c>) and checked again.
    /// </summary>
    private static async Task<List<SeedIdentity>> ClaimEmailsAsync(
        CustomerDbContext db, int storeId, List<SeedIdentity> identities, int[]? channels, CancellationToken ct)
    {
        var toCheck = Enumerable.Range(0, identities.Count).ToList();
        for (var attempt = 1; toCheck.Count > 0; attempt++)
        {
            var keys = toCheck.Select(i => MatchKey.Of(identities[i].Email)).ToList();
            var holders = await EmailClaims.HoldersAsync(db, storeId, keys, ct);
            toCheck = toCheck.Where(i => EmailClaims.Clashes(holders, MatchKey.Of(identities[i].Email), channels)).ToList();
            foreach (var i in toCheck)
            {
                identities[i] = identities[i] with { Email = SeedFaker.Retagged(identities[i].Email, attempt) };
            }
        }

        return identities;
    }

    private static async Task NumberAsync<T>(
        CustomerDbContext db, int storeId, StoreSequence sequence, List<T> rows, Action<T, int> setId, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var next = await StoreSequences.TakeAsync(db, storeId, sequence, ct, rows.Count);
        foreach (var row in rows)
        {
            setId(row, next++);
        }
    }
}
