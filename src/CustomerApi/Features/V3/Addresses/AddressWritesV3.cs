using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Services;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>
/// V3's batch address writes, each one transaction under the store's lock (so the customers checked stay until it is
/// saved, and two batches cannot both create one address). An address the customer already has, or one the batch gives
/// twice, is skipped: 200, and absent from the answer (spec).
/// </summary>
public static class AddressWritesV3
{
    public static async Task<(List<AddressV3>? Written, BcErrorResult? Error)> CreateAsync(
        List<CreateAddressV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, CancellationToken ct)
    {
        var storeId = store.Id;
        var (values, fieldFailures) = ResolveFormFields(body, store, passwords);
        if (fieldFailures.Count > 0)
        {
            return (null, BcErrors.AddressBatchFailed(creating: true, fieldFailures));
        }

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
        var created = candidates.Select((address, i) => (address, i)).Where(x => identities.Add(AddressMappingV3.IdentityOf(x.address))).ToList();

        if (created.Count > 0)
        {
            var nextId = await StoreSequences.TakeAsync(db, storeId, StoreSequence.Addresses, ct, created.Count);
            created.ForEach(x => x.address.Id = nextId++);
            db.CustomerAddresses.AddRange(created.Select(x => x.address));
            await FormFieldValueWrites.ApplyAsync(db, storeId, [.. created.Select(x => new OwnedValues(null, x.address.Id, values[x.i]))], ct);
            if (await db.SaveAsync(ct) != SaveOutcome.Saved)
            {
                return (null, BcErrors.ChangedMeanwhile(ApiVersion.V3));
            }
        }

        var written = await AnswerAsync(db, store, [.. created.Select(x => (x.address, body[x.i].FormFields is not null))], ct);
        await transaction.CommitAsync(ct);
        return (written, null);
    }

    public static async Task<(List<AddressV3>? Written, BcErrorResult? Error)> UpdateAsync(
        List<UpdateAddressV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, CancellationToken ct)
    {
        var storeId = store.Id;
        var (values, fieldFailures) = ResolveFormFields(body, store, passwords);
        if (fieldFailures.Count > 0)
        {
            return (null, BcErrors.AddressBatchFailed(creating: false, fieldFailures));
        }

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

        var updated = new List<(CustomerAddress Address, int Index)>();
        foreach (var (candidate, index) in candidates.Select((c, i) => (c, i)))
        {
            var identity = AddressMappingV3.IdentityOf(candidate);
            if (identities.Any(other => other.Key != candidate.Id && other.Value == identity))
            {
                continue;
            }

            var address = addresses[candidate.Id];
            CopyInto(candidate, address);
            identities[address.Id] = identity;
            updated.Add((address, index));
        }

        await FormFieldValueWrites.ApplyAsync(db, storeId, [.. updated.Select(x => new OwnedValues(null, x.Address.Id, values[x.Index]))], ct);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return (null, BcErrors.ChangedMeanwhile(ApiVersion.V3));
        }

        var written = await AnswerAsync(db, store, [.. updated.Select(x => (x.Address, body[x.Index].FormFields is not null))], ct);
        await transaction.CommitAsync(ct);
        return (written, null);
    }

    /// <summary>Each item's form field values, checked against the store's address fields before any lock (passwords hashed).</summary>
    private static (List<List<PendingValue>> Values, List<Failure> Failures) ResolveFormFields(
        IEnumerable<AddressV3Fields> body, StoreContext store, PasswordService passwords)
    {
        var failures = new List<Failure>();
        var values = body.Select((item, i) => FormFieldRules.Resolve(item.FormFields, FormFieldOwners.Address, store.FormFields, passwords, $"{i}.", failures)).ToList();
        return (values, failures);
    }

    /// <summary>The written addresses; one that was sent <c>form_fields</c> with every address field the store defines [inferred].</summary>
    private static async Task<List<AddressV3>> AnswerAsync(
        CustomerDbContext db, StoreContext store, List<(CustomerAddress Address, bool FormFieldsSent)> written, CancellationToken ct)
    {
        var fields = await FormFieldValueReads.ForAddressesAsync(db, store.Id, store.FormFields,
            [.. written.Where(w => w.FormFieldsSent).Select(w => w.Address.Id)], ct);
        return [.. written.Select(w => AddressV3.From(w.Address) with { FormFields = w.FormFieldsSent ? fields(w.Address.Id) : null })];
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
