using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>
/// V3's batch address writes, each one transaction under the store's lock (so the customers checked stay until it is
/// saved, and two batches cannot both create one address). An address the customer already has, or one the batch gives
/// twice, is skipped: 200, and absent from the answer (spec).
/// </summary>
public static class AddressWritesV3
{
    public static async Task<(List<CustomerAddress>? Written, BcErrorResult? Error)> CreateAsync(
        List<CreateAddressV3> body, int storeId, CustomerDbContext db, CancellationToken ct)
    {
        var customerIds = body.Select(a => a.CustomerId!.Value).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, storeId, ct);
        var known = (await db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && customerIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct))
            .ToHashSet();
        var failures = body.Select((a, i) => (a, i)).Where(x => !known.Contains(x.a.CustomerId!.Value))
            .Select(x => Failure.Invalid("customer_id", $"Customer {x.a.CustomerId} does not exist.").AtItem(x.i)).ToList();
        if (failures.Count > 0)
        {
            return (null, BcErrors.AddressBatchFailed(creating: true, failures));
        }

        var candidates = body.Select(item =>
        {
            var address = AddressMappingV3.NewAddress(storeId, 0, item.CustomerId!.Value);
            item.ApplyTo(address);
            return address;
        }).ToList();
        if (StateFailures(candidates, i => $"{i}.state_or_province") is { Count: > 0 } stateFailures)
        {
            return (null, BcErrors.AddressBatchFailed(creating: true, stateFailures));
        }

        var identities = (await ExistingAsync(db, storeId, customerIds, ct)).Select(AddressMappingV3.IdentityOf).ToHashSet(StringComparer.Ordinal);
        var created = candidates.Where(address => identities.Add(AddressMappingV3.IdentityOf(address))).ToList();

        if (created.Count > 0)
        {
            var nextId = await StoreSequences.TakeAsync(db, storeId, StoreSequence.Addresses, ct, created.Count);
            created.ForEach(a => a.Id = nextId++);
            db.CustomerAddresses.AddRange(created);
            if (await db.SaveAsync(ct) != SaveOutcome.Saved)
            {
                return (null, BcErrors.ChangedMeanwhile(ApiVersion.V3));
            }
        }

        await transaction.CommitAsync(ct);
        return (created, null);
    }

    public static async Task<(List<CustomerAddress>? Written, BcErrorResult? Error)> UpdateAsync(
        List<UpdateAddressV3> body, int storeId, CustomerDbContext db, CancellationToken ct)
    {
        var ids = body.Select(a => a.Id!.Value).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, storeId, ct);
        var addresses = await db.CustomerAddresses.Where(a => a.StoreId == storeId && ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var failures = new List<Failure>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!addresses.ContainsKey(ids[i]))
            {
                failures.Add(Failure.Invalid("id", $"Customer address {ids[i]} does not exist.").AtItem(i));
            }
            else if (ids.IndexOf(ids[i]) != i)
            {
                failures.Add(Failure.Invalid("id", $"Customer address {ids[i]} appears more than once in the request.").AtItem(i));
            }
        }

        if (failures.Count > 0)
        {
            return (null, BcErrors.AddressBatchFailed(creating: false, failures));
        }

        // Every address of the customers involved, as it will be: an update into one of them is skipped.
        var customerIds = addresses.Values.Select(a => a.CustomerId).Distinct().ToList();
        var identities = (await ExistingAsync(db, storeId, customerIds, ct)).Where(a => !addresses.ContainsKey(a.Id))
            .Concat(addresses.Values).ToDictionary(a => a.Id, AddressMappingV3.IdentityOf);
        var candidates = body.Select(item =>
        {
            var candidate = AddressMappingV3.NewAddress(storeId, item.Id!.Value, addresses[item.Id.Value].CustomerId);
            CopyInto(addresses[item.Id.Value], candidate);
            item.ApplyTo(candidate);
            return candidate;
        }).ToList();
        if (StateFailures(candidates, i => $"{i}.state_or_province") is { Count: > 0 } stateFailures)
        {
            return (null, BcErrors.AddressBatchFailed(creating: false, stateFailures));
        }

        var updated = new List<CustomerAddress>();
        foreach (var candidate in candidates)
        {
            var identity = AddressMappingV3.IdentityOf(candidate);
            if (identities.Any(other => other.Key != candidate.Id && other.Value == identity))
            {
                continue;
            }

            var address = addresses[candidate.Id];
            CopyInto(candidate, address);
            identities[address.Id] = identity;
            updated.Add(address);
        }

        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return (null, BcErrors.ChangedMeanwhile(ApiVersion.V3));
        }

        await transaction.CommitAsync(ct);
        return (updated, null);
    }

    /// <summary>
    /// Each address's state checked against its country's (States) and spelled as the table spells it when it is one; an
    /// address without a state (one given with a customer may leave it out) is not checked. Failures are keyed by
    /// <paramref name="fieldOf"/> the address's index.
    /// </summary>
    public static List<Failure> StateFailures(IReadOnlyList<CustomerAddress> addresses, Func<int, string> fieldOf)
    {
        var failures = new List<Failure>();
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            if (address.State.Length == 0)
            {
                continue;
            }

            if (States.Refusal(address.CountryIso2, address.State, address.Country, out var spelled) is { } reason)
            {
                failures.Add(Failure.Invalid(fieldOf(i), reason));
            }

            address.State = spelled;
        }

        return failures;
    }

    private static Task<List<CustomerAddress>> ExistingAsync(CustomerDbContext db, int storeId, List<int> customerIds, CancellationToken ct) =>
        db.CustomerAddresses.AsNoTracking().Where(a => a.StoreId == storeId && customerIds.Contains(a.CustomerId)).ToListAsync(ct);

    private static void CopyInto(CustomerAddress from, CustomerAddress to)
    {
        to.SetNames(from.FirstName, from.LastName);
        (to.Company, to.Street1, to.Street2, to.City, to.State, to.Zip) = (from.Company, from.Street1, from.Street2, from.City, from.State, from.Zip);
        (to.Country, to.CountryIso2, to.Phone, to.AddressType) = (from.Country, from.CountryIso2, from.Phone, from.AddressType);
    }
}
