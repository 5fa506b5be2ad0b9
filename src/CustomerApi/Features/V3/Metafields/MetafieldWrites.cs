using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Services;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Metafields;

/// <summary>Why one item of a metafield write was not written, with the status a single route answers it with.</summary>
public sealed record ItemFailure(int Status, string Message)
{
    public static readonly ItemFailure CustomerMissing = new(StatusCodes.Status404NotFound, "Customer does not exist");
    public static readonly ItemFailure MetafieldMissing = new(StatusCodes.Status404NotFound, "Metafield does not exist");
    public static readonly ItemFailure Duplicate = new(StatusCodes.Status409Conflict, "A metafield with this namespace and key already exists for this customer");
    public static readonly ItemFailure TooMany = new(StatusCodes.Status422UnprocessableEntity,
        $"A customer can have at most {CustomerMetafield.MaxPerCustomerAndClient} metafields of one client");
    public static readonly ItemFailure UpdateRefused = new(StatusCodes.Status403Forbidden, "Unauthorized to update");
    public static readonly ItemFailure DeleteRefused = new(StatusCodes.Status403Forbidden, "Unauthorized to delete");
    public static readonly ItemFailure OwnerOnly = new(StatusCodes.Status403Forbidden,
        "Only the client that created the metafield may change its namespace, key or permission_set");

    public static ItemFailure Invalid(string message) => new(StatusCodes.Status422UnprocessableEntity, message);
}

/// <summary>One item's outcome: what was written (a metafield, or a deleted id), or why not. <see cref="Index"/> is its place in the request.</summary>
public sealed record ItemOutcome<T>(int Index, T? Written, ItemFailure? Failure);

public sealed record NewMetafield(int Index, int CustomerId, MetafieldInputV3 Body);

/// <summary>An update of metafield <see cref="Id"/>; on the single route also of <see cref="CustomerId"/>'s, else it does not exist.</summary>
public sealed record MetafieldChange(int Index, int Id, int? CustomerId, MetafieldChangesV3 Body);

public sealed record MetafieldDelete(int Index, int Id, int? CustomerId);

/// <summary>
/// The metafield writes, each item checked and written on its own, all in one transaction under the store's lock
/// (StoreLock): so the customers, the (namespace, key) pairs and the counts each item is checked against cannot change
/// before it is saved, and a customer's delete (which takes the lock too) comes wholly before or after. Items are
/// judged in order, each seeing the ones before it. A null answer: the save lost a race no check could see; nothing
/// was written.
/// </summary>
public static class MetafieldWrites
{
    public static async Task<List<ItemOutcome<MetafieldV3>>?> CreateAsync(
        CustomerDbContext db, int storeId, ApiClient client, IReadOnlyList<NewMetafield> items, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, storeId, ct);
        var customerIds = items.Select(i => i.CustomerId).Distinct().ToList();
        var customers = (await db.Customers.Where(c => c.StoreId == storeId && customerIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var mine = await db.CustomerMetafields
            .Where(m => m.StoreId == storeId && customerIds.Contains(m.CustomerId) && m.OwnerClientId == client.Id)
            .Select(m => new { m.CustomerId, m.Namespace, m.Key }).ToListAsync(ct);
        var taken = mine.Select(m => (m.CustomerId, m.Namespace, m.Key)).ToHashSet();
        var counts = mine.CountBy(m => m.CustomerId).ToDictionary();

        var now = clock.UtcNowToTheSecond();
        var outcomes = new List<(NewMetafield Item, CustomerMetafield? Row, ItemFailure? Failure)>();
        foreach (var item in items)
        {
            var (customerId, body) = (item.CustomerId, item.Body);
            var failure = !customers.Contains(customerId) ? ItemFailure.CustomerMissing
                : taken.Contains((customerId, body.Namespace!, body.Key!)) ? ItemFailure.Duplicate
                : counts.GetValueOrDefault(customerId) >= CustomerMetafield.MaxPerCustomerAndClient ? ItemFailure.TooMany
                : null;
            var row = failure is not null ? null : new CustomerMetafield
            {
                StoreId = storeId, CustomerId = customerId, OwnerClientId = client.Id, PermissionSet = body.PermissionSet!, Namespace = body.Namespace!,
                Key = body.Key!, Value = body.Value!, Description = body.Description ?? "", DateCreated = now, DateModified = now,
            };
            if (row is not null)
            {
                taken.Add((customerId, row.Namespace, row.Key));
                counts[customerId] = counts.GetValueOrDefault(customerId) + 1;
            }

            outcomes.Add((item, row, failure));
        }

        var added = outcomes.Where(o => o.Row is not null).Select(o => o.Row!).ToList();
        if (added.Count > 0)
        {
            var nextId = await StoreSequences.TakeAsync(db, storeId, StoreSequence.Metafields, ct, added.Count);
            added.ForEach(m => m.Id = nextId++);
            db.CustomerMetafields.AddRange(added);
            if (await db.SaveAsync(ct) != SaveOutcome.Saved)
            {
                return null;
            }
        }

        await transaction.CommitAsync(ct);
        return [.. outcomes.Select(o => new ItemOutcome<MetafieldV3>(o.Item.Index, o.Row is null ? null : MetafieldReads.ToV3(o.Row), o.Failure))];
    }

    public static async Task<List<ItemOutcome<MetafieldV3>>?> UpdateAsync(
        CustomerDbContext db, int storeId, ApiClient client, IReadOnlyList<MetafieldChange> items, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, storeId, ct);
        var ids = items.Select(i => i.Id).Distinct().ToList();
        var rows = await db.CustomerMetafields.Where(m => m.StoreId == storeId && ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var customerIds = rows.Values.Select(m => m.CustomerId).Distinct().ToList();
        var owners = rows.Values.Select(m => m.OwnerClientId).Distinct().ToList();
        // The (namespace, key) pairs a renamed metafield could run into: those of its customer and owner.
        var taken = customerIds.Count == 0 ? [] : (await db.CustomerMetafields.AsNoTracking()
                .Where(m => m.StoreId == storeId && customerIds.Contains(m.CustomerId) && owners.Contains(m.OwnerClientId))
                .Select(m => new { m.Id, m.CustomerId, m.OwnerClientId, m.Namespace, m.Key }).ToListAsync(ct))
            .ToDictionary(m => (m.CustomerId, m.OwnerClientId, m.Namespace, m.Key), m => m.Id);

        var now = clock.UtcNowToTheSecond();
        var outcomes = new List<ItemOutcome<MetafieldV3>>();
        var changed = false;
        foreach (var item in items)
        {
            var body = item.Body;
            var row = rows.GetValueOrDefault(item.Id);
            var renamed = row is not null && (body.Namespace ?? row.Namespace) is var space && (body.Key ?? row.Key) is var key
                && (space != row.Namespace || key != row.Key);
            var failure = row is null || item.CustomerId is { } customerId && row.CustomerId != customerId
                    || !MetafieldReads.IsVisibleTo(row.OwnerClientId, row.PermissionSet, client) ? ItemFailure.MetafieldMissing
                : row.OwnerClientId != client.Id && !MetafieldPermissions.OthersMayWrite(row.PermissionSet) ? ItemFailure.UpdateRefused
                : row.OwnerClientId != client.Id && (renamed || body.PermissionSet is { } set && set != row.PermissionSet) ? ItemFailure.OwnerOnly
                : renamed && taken.TryGetValue((row.CustomerId, row.OwnerClientId, body.Namespace ?? row.Namespace, body.Key ?? row.Key), out var other)
                    && other != row.Id ? ItemFailure.Duplicate
                : null;
            if (failure is not null)
            {
                outcomes.Add(new(item.Index, null, failure));
                continue;
            }

            if (renamed)
            {
                taken.Remove((row!.CustomerId, row.OwnerClientId, row.Namespace, row.Key));
                taken[(row.CustomerId, row.OwnerClientId, body.Namespace ?? row.Namespace, body.Key ?? row.Key)] = row.Id;
            }

            row!.Namespace = body.Namespace ?? row.Namespace;
            row.Key = body.Key ?? row.Key;
            row.PermissionSet = body.PermissionSet ?? row.PermissionSet;
            row.Value = body.Value ?? row.Value;
            row.Description = body.Description ?? row.Description;
            row.DateModified = now;
            changed = true;
            outcomes.Add(new(item.Index, MetafieldReads.ToV3(row), null));
        }

        if (changed && await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return null;
        }

        await transaction.CommitAsync(ct);
        return outcomes;
    }

    public static async Task<List<ItemOutcome<int?>>> DeleteAsync(
        CustomerDbContext db, int storeId, ApiClient client, IReadOnlyList<MetafieldDelete> items, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, storeId, ct);
        var ids = items.Select(i => i.Id).Distinct().ToList();
        var rows = await db.CustomerMetafields.AsNoTracking().Where(m => m.StoreId == storeId && ids.Contains(m.Id))
            .Select(m => new { m.Id, m.CustomerId, m.OwnerClientId, m.PermissionSet }).ToDictionaryAsync(m => m.Id, ct);

        var outcomes = new List<ItemOutcome<int?>>();
        var deleted = new HashSet<int>();
        foreach (var item in items)
        {
            var row = rows.GetValueOrDefault(item.Id);
            var failure = row is null || deleted.Contains(item.Id) || item.CustomerId is { } customerId && row.CustomerId != customerId
                    || !MetafieldReads.IsVisibleTo(row.OwnerClientId, row.PermissionSet, client) ? ItemFailure.MetafieldMissing
                : row.OwnerClientId != client.Id && !MetafieldPermissions.OthersMayWrite(row.PermissionSet) ? ItemFailure.DeleteRefused
                : null;
            if (failure is null)
            {
                deleted.Add(item.Id);
            }

            outcomes.Add(new(item.Index, failure is null ? item.Id : null, failure));
        }

        if (deleted.Count > 0)
        {
            await db.CustomerMetafields.Where(m => m.StoreId == storeId && deleted.Contains(m.Id)).ExecuteDeleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return outcomes;
    }
}
