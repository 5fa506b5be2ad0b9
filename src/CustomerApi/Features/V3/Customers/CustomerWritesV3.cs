using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Addresses;
using CustomerApi.Features.V3.Addresses;
using CustomerApi.Features.V3.AttributeValues;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Services;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// V3's batch writes. A batch is one transaction: every item is checked against the store first, and one failure writes
/// nothing. Locks, always in this order: the store's (when a group, attribute or address is involved), then the emails
/// (EmailClaims), so no two writers wait on each other in a circle.
/// </summary>
public static class CustomerWritesV3
{
    public static async Task<(List<CustomerV3>? Written, BcErrorResult? Error)> CreateAsync(
        List<CreateCustomerV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, DateTime now, CancellationToken ct)
    {
        var storeId = store.Id;
        var fieldFailures = new List<Failure>();
        var customerValues = body.Select((item, i) => FormFieldRules.Resolve(item.FormFields, FormFieldOwners.Customer, store.FormFields, passwords, $"{i}.", fieldFailures))
            .ToList();
        var addressValues = body.Select((item, i) => (item.Addresses ?? []).Select((address, j) =>
            FormFieldRules.Resolve(address!.FormFields, FormFieldOwners.Address, store.FormFields, passwords, $"{i}.addresses.{j}.", fieldFailures)).ToList()).ToList();
        if (fieldFailures.Count > 0)
        {
            return (null, BcErrors.CustomerBatchFailed(creating: true, fieldFailures));
        }

        var customers = body.Select(item =>
        {
            var customer = new Customer
            {
                StoreId = storeId, FirstName = "", LastName = "", Email = "", EmailKey = "", DateCreated = now,
                OriginChannelId = item.OriginChannelId ?? ChannelRules.DefaultChannel,
            };
            item.ApplyTo(customer, item.NewPasswordHash(passwords), now);
            customer.ChannelIds = store.Channels.ForNewCustomer(customer.ChannelIds, customer.OriginChannelId);
            return customer;
        }).ToList();
        var addresses = body.Select(item => (item.Addresses ?? []).Select(input =>
        {
            var address = AddressMappingV3.NewAddress(storeId, 0, 0); // id and customer once the customer is inserted
            input!.ApplyTo(address);
            return address;
        }).ToList()).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (body.Any(c => c.CustomerGroupId is > 0 || c.Attributes is { Count: > 0 } || c.Addresses is { Count: > 0 })
            || customerValues.Any(v => v.Count > 0))
        {
            await StoreLock.AcquireAsync(db, storeId, ct);
        }

        var keys = customers.Select(c => c.EmailKey).ToList();
        await EmailClaims.LockAsync(db, storeId, keys, ct);
        var holders = await EmailClaims.HoldersAsync(db, storeId, keys, ct);
        var failures = new List<Failure>();
        for (var i = 0; i < customers.Count; i++)
        {
            var clashesInBatch = customers.Take(i).Any(earlier =>
                earlier.EmailKey == customers[i].EmailKey && ChannelRules.Overlap(earlier.ChannelIds, customers[i].ChannelIds));
            if (clashesInBatch || EmailClaims.Clashes(holders, customers[i].EmailKey, customers[i].ChannelIds))
            {
                failures.Add(BcErrors.EmailInUse(creating: true, customers[i].Email).AtItem(i));
            }
        }

        failures.AddRange(await UnknownGroupsAsync(db, storeId, body.Select(c => c.CustomerGroupId), ct));
        var types = await AttributeTypesAsync(db, storeId, body.SelectMany(c => c.Attributes ?? []).Select(a => a!.AttributeId!.Value), ct);
        for (var i = 0; i < body.Count; i++)
        {
            failures.AddRange(AttributeFailures(body[i].Attributes, types).Select(f => f.AtItem(i)));
            failures.AddRange(AddressWritesV3.StateFailures(addresses[i], j => $"addresses.{j}.state_or_province").Select(f => f.AtItem(i)));
        }

        if (failures.Count > 0)
        {
            return (null, BcErrors.CustomerBatchFailed(creating: true, failures));
        }

        if (await CustomerInserts.InsertLockedAsync(db, customers, ct) is var inserted && inserted < customers.Count)
        {
            var refused = customers[inserted]; // only a writer that skips the email's lock could have taken it meanwhile
            return (null, BcErrors.CustomerBatchFailed(creating: true, [BcErrors.EmailInUse(creating: true, refused.Email).AtItem(inserted)]));
        }

        await AddAddressesAsync(db, storeId, addresses, customers, ct);
        await AddAttributeValuesAsync(db, storeId, body, customers, now, ct);
        await FormFieldValueWrites.ApplyAsync(db, storeId, [
            .. customers.Select((c, i) => new OwnedValues(c.Id, null, customerValues[i])),
            .. addresses.SelectMany((list, i) => list.Select((a, j) => new OwnedValues(null, a.Id, addressValues[i][j]))),
        ], ct);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return (null, BcErrors.ChangedMeanwhile(ApiVersion.V3));
        }

        var written = customers.Select((c, i) =>
        {
            var customer = c.ToV3();
            customer.Addresses = addresses[i].Count > 0 ? addresses[i].Select(AddressV3.From).ToList() : null;
            return customer;
        }).ToList();
        await AnswerFormFieldsAsync(db, store, written, body.Select(c => c.FormFields is not null).ToList(),
            body.SelectMany(c => (c.Addresses ?? []).Select(a => a!.FormFields is not null)).ToList(), ct);
        await transaction.CommitAsync(ct);
        return (written, null);
    }

    public static async Task<(List<CustomerV3>? Written, BcErrorResult? Error)> UpdateAsync(
        List<UpdateCustomerV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, DateTime now, CancellationToken ct)
    {
        var storeId = store.Id;
        var ids = body.Select(c => c.Id!.Value).ToList();
        var hashes = body.Select(item => item.NewPasswordHash(passwords)).ToList();
        var fieldFailures = new List<Failure>();
        var values = body.Select((item, i) => FormFieldRules.Resolve(item.FormFields, FormFieldOwners.Customer, store.FormFields, passwords, $"{i}.", fieldFailures))
            .ToList();
        if (fieldFailures.Count > 0)
        {
            return (null, BcErrors.CustomerBatchFailed(creating: false, fieldFailures));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (body.Any(c => c.CustomerGroupId is > 0) || values.Any(v => v.Count > 0))
        {
            await StoreLock.AcquireAsync(db, storeId, ct);
        }

        // A customer whose email or channels change holds its email (old and new) under lock before it is checked.
        var claimants = body.Where(c => c.Email is not null || c.ChannelIdsSent).Select(c => c.Id!.Value).ToHashSet();
        var current = await db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && claimants.Contains(c.Id))
            .Select(c => new { c.Id, c.EmailKey }).ToDictionaryAsync(c => c.Id, c => c.EmailKey, ct);
        var lockedKeys = current.Values.Concat(body.Where(c => c.Email is not null).Select(c => MatchKey.Of(c.Email!))).ToHashSet();
        if (lockedKeys.Count > 0)
        {
            await EmailClaims.LockAsync(db, storeId, lockedKeys, ct);
        }

        var customers = await db.Customers.Where(c => c.StoreId == storeId && ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var failures = new List<Failure>();
        for (var i = 0; i < body.Count; i++)
        {
            var id = ids[i];
            if (!customers.TryGetValue(id, out var customer))
            {
                failures.Add(Failure.Invalid("id", $"Customer {id} does not exist.").AtItem(i));
            }
            else if (ids.IndexOf(id) != i)
            {
                failures.Add(Failure.Invalid("id", $"Customer {id} appears more than once in the request.").AtItem(i));
            }
            else if (claimants.Contains(id) && !lockedKeys.Contains(customer.EmailKey))
            {
                return (null, BcErrors.ChangedMeanwhile(ApiVersion.V3)); // its email changed between the two reads
            }
        }

        failures.AddRange(await UnknownGroupsAsync(db, storeId, body.Select(c => c.CustomerGroupId), ct));
        if (failures.Count > 0)
        {
            return (null, BcErrors.CustomerBatchFailed(creating: false, failures));
        }

        for (var i = 0; i < body.Count; i++)
        {
            body[i].ApplyTo(customers[ids[i]], hashes[i], now);
        }

        // Checked on what the store will hold once the whole batch is applied: two items may swap emails.
        var holders = await EmailClaims.HoldersAsync(db, storeId, lockedKeys, ct);
        for (var i = 0; i < body.Count; i++)
        {
            var customer = customers[ids[i]];
            if (!claimants.Contains(customer.Id))
            {
                continue;
            }

            var clashes = holders[customer.EmailKey].Any(h => !customers.ContainsKey(h.Id) && ChannelRules.Overlap(h.Channels, customer.ChannelIds))
                || customers.Values.Any(other => other.Id != customer.Id && other.EmailKey == customer.EmailKey
                    && ChannelRules.Overlap(other.ChannelIds, customer.ChannelIds));
            if (clashes)
            {
                failures.Add(BcErrors.EmailInUse(creating: false, customer.Email).AtItem(i));
            }
        }

        if (failures.Count > 0)
        {
            return (null, BcErrors.CustomerBatchFailed(creating: false, failures));
        }

        await FormFieldValueWrites.ApplyAsync(db, storeId, [.. body.Select((item, i) => new OwnedValues(item.Id, null, values[i]))], ct);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return (null, BcErrors.ChangedMeanwhile(ApiVersion.V3)); // a customer was deleted between the read and the write
        }

        var written = body.Select(item => customers[item.Id!.Value].ToV3()).ToList();
        await AnswerFormFieldsAsync(db, store, written, body.Select(c => c.FormFields is not null).ToList(), [], ct);
        await transaction.CommitAsync(ct);
        return (written, null);
    }

    /// <summary>
    /// A written customer (or address given with it) that was sent <c>form_fields</c> is answered with every field the
    /// store defines for it, as <c>include=formfields</c> would show it [inferred]; the others without.
    /// </summary>
    private static async Task AnswerFormFieldsAsync(
        CustomerDbContext db, StoreContext store, List<CustomerV3> written, List<bool> customerSent, List<bool> addressSent, CancellationToken ct)
    {
        var customers = written.Where((_, i) => customerSent[i]).ToList();
        var addresses = written.SelectMany(c => c.Addresses ?? []).Where((_, k) => addressSent[k]).ToList();
        if (customers.Count + addresses.Count == 0)
        {
            return;
        }

        var customerFields = await FormFieldValueReads.ForCustomersAsync(db, store.Id, store.FormFields, [.. customers.Select(c => c.Id)], ct);
        customers.ForEach(c => c.FormFields = customerFields(c.Id));
        var addressFields = await FormFieldValueReads.ForAddressesAsync(db, store.Id, store.FormFields, [.. addresses.Select(a => a.Id)], ct);
        var sent = addresses.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var customer in written.Where(c => c.Addresses is not null))
        {
            customer.Addresses = [.. customer.Addresses!.Select(a => sent.Contains(a) ? a with { FormFields = addressFields(a.Id) } : a)];
        }
    }

    private static async Task<List<Failure>> UnknownGroupsAsync(CustomerDbContext db, int storeId, IEnumerable<int?> groupIds, CancellationToken ct)
    {
        var asked = groupIds.ToList();
        var wanted = asked.Where(g => g is > 0).Select(g => g!.Value).Distinct().ToList();
        var existing = wanted.Count == 0 ? []
            : (await db.CustomerGroups.AsNoTracking().Where(g => g.StoreId == storeId && wanted.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct)).ToHashSet();
        return asked.Select((g, i) => (g, i)).Where(x => x.g is > 0 && !existing.Contains(x.g.Value))
            .Select(x => Failure.Invalid("customer_group_id",
                $"Customer group {x.g} does not exist in this store; use 0 for no group or the id of an existing group.").AtItem(x.i))
            .ToList();
    }

    private static async Task<Dictionary<int, string>> AttributeTypesAsync(CustomerDbContext db, int storeId, IEnumerable<int> attributeIds, CancellationToken ct)
    {
        var wanted = attributeIds.Distinct().ToList();
        return wanted.Count == 0 ? []
            : await db.CustomerAttributes.AsNoTracking().Where(a => a.StoreId == storeId && wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Type, ct);
    }

    private static IEnumerable<Failure> AttributeFailures(List<CustomerAttributeInputV3?>? attributes, Dictionary<int, string> types)
    {
        for (var j = 0; j < (attributes?.Count ?? 0); j++)
        {
            var attribute = attributes![j]!;
            if (!types.TryGetValue(attribute.AttributeId!.Value, out var type))
            {
                yield return Failure.Invalid($"attributes.{j}.attribute_id", $"Customer attribute {attribute.AttributeId} does not exist.");
            }
            else if (!AttributeValueTypes.Fits(type, attribute.AttributeValue!))
            {
                yield return Failure.Invalid($"attributes.{j}.attribute_value", AttributeValueTypes.Rule(type));
            }
        }
    }

    private static async Task AddAddressesAsync(
        CustomerDbContext db, int storeId, List<List<CustomerAddress>> addresses, List<Customer> customers, CancellationToken ct)
    {
        var count = addresses.Sum(a => a.Count);
        var nextId = count == 0 ? 0 : await StoreSequences.TakeAsync(db, storeId, StoreSequence.Addresses, ct, count);
        for (var i = 0; i < addresses.Count; i++)
        {
            foreach (var address in addresses[i])
            {
                (address.Id, address.CustomerId) = (nextId++, customers[i].Id);
                db.CustomerAddresses.Add(address);
            }
        }
    }

    private static async Task AddAttributeValuesAsync(
        CustomerDbContext db, int storeId, List<CreateCustomerV3> body, List<Customer> customers, DateTime now, CancellationToken ct)
    {
        var count = body.Sum(c => c.Attributes?.Count ?? 0);
        var nextId = count == 0 ? 0 : await StoreSequences.TakeAsync(db, storeId, StoreSequence.AttributeValues, ct, count);
        for (var i = 0; i < body.Count; i++)
        {
            foreach (var a in body[i].Attributes ?? [])
            {
                db.CustomerAttributeValues.Add(new CustomerAttributeValue
                {
                    StoreId = storeId, Id = nextId++, CustomerId = customers[i].Id, AttributeId = a!.AttributeId!.Value, Value = a.AttributeValue!,
                    DateCreated = now, DateModified = now,
                });
            }
        }
    }
}
