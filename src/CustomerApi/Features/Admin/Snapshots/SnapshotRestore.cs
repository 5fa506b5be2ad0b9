using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Addresses;
using CustomerApi.Features.V2.CustomerGroups;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>
/// Writes a checked snapshot's rows into a wiped store, inside the caller's transaction, parents before children: on
/// PostgreSQL one COPY per table (PostgresCopy), on SQLite EF's inserts in batches, untracked between them.
/// </summary>
internal static class SnapshotRestore
{
    /// <summary>Rows per SaveChanges: large enough for few round trips, small enough to keep the tracker cheap.</summary>
    private const int BatchSize = 1000;

    /// <returns>False when the database refused a row (a rule the checks missed): the caller rolls back.</returns>
    public static async Task<bool> InsertAsync(
        CustomerDbContext db, int storeId, StoreSnapshot snapshot, IReadOnlyList<FormFieldValue> formFieldValues, DateTime now, CancellationToken ct)
    {
        await db.CustomerSettings.Where(s => s.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.ChannelSettings.Where(c => c.StoreId == storeId).ExecuteDeleteAsync(ct);
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var settings = snapshot.CustomerSettings is { } global ? [ToEntity(storeId, global)] : Array.Empty<CustomerSettings>();
            return await SaveAsync(db, settings, ct)
                && await SaveAsync(db, Rows(snapshot.ChannelSettings).Select(c => ToEntity(storeId, c)), ct)
                && await SaveAsync(db, Rows(snapshot.CustomerGroups).Select(g => ToEntity(storeId, g, now)), ct)
                && await SaveAsync(db, Rows(snapshot.Attributes).Select(a => ToEntity(storeId, a, now)), ct)
                && await SaveAsync(db, Rows(snapshot.Customers).Select(c => ToEntity(storeId, c, now)), ct)
                && await SaveAsync(db, Rows(snapshot.Addresses).Select(a => ToEntity(storeId, a)), ct)
                && await SaveAsync(db, Rows(snapshot.AttributeValues).Select(v => ToEntity(storeId, v, now)), ct)
                && await SaveAsync(db, formFieldValues, ct)
                && await SaveAsync(db, Rows(snapshot.Consents).Select(c => ToEntity(storeId, c)), ct)
                && await SaveAsync(db, Rows(snapshot.Metafields).Select(m => ToEntity(storeId, m, now)), ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>The counters the snapshot gives, raised where a list holds a higher id, so no id in it is handed out again.</summary>
    public static StoreCounters CountersOf(StoreSnapshot snapshot)
    {
        var given = snapshot.Counters ?? StoreCounters.None;
        return new StoreCounters(
            Math.Max(given.LastCustomerId, MaxId(snapshot.Customers, c => c.Id)),
            Math.Max(given.LastAddressId, MaxId(snapshot.Addresses, a => a.Id)),
            Math.Max(given.LastCustomerGroupId, MaxId(snapshot.CustomerGroups, g => g.Id)),
            Math.Max(given.LastAttributeId, MaxId(snapshot.Attributes, a => a.Id)),
            Math.Max(given.LastAttributeValueId, MaxId(snapshot.AttributeValues, v => v.Id)),
            Math.Max(given.LastFormFieldValueId, MaxId(snapshot.FormFieldValues, v => v.Id)),
            Math.Max(given.LastMetafieldId, MaxId(snapshot.Metafields, m => m.Id)));
    }

    private static int MaxId<T>(List<T?>? rows, Func<T, int> id) where T : class => Rows(rows).Select(id).DefaultIfEmpty(0).Max();

    /// <summary>The rows of a checked list: it has no null rows, and a list left out has none.</summary>
    private static IEnumerable<T> Rows<T>(List<T?>? rows) where T : class => rows?.Select(r => r!) ?? [];

    private static async Task<bool> SaveAsync<T>(CustomerDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        if (db.Database.IsNpgsql())
        {
            try
            {
                await PostgresCopy.InsertAsync(db, rows, ct);
                return true;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
            {
                return false;
            }
        }

        // SQLite, in process, inserts EF's batches about as fast as they come.
        foreach (var batch in rows.Chunk(BatchSize))
        {
            db.Set<T>().AddRange(batch);
            if (await db.SaveAsync(ct) != SaveOutcome.Saved)
            {
                return false;
            }

            db.ChangeTracker.Clear();
        }

        return true;
    }

    /// <summary>A date of the document as stored: UTC; one without an offset is read as UTC; none is the restore's time.</summary>
    private static DateTime At(DateTime? date, DateTime now) => date switch
    {
        null => now,
        { Kind: DateTimeKind.Unspecified } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
        { } given => given.ToUniversalTime(),
    };

    private static CustomerSettings ToEntity(int storeId, SnapshotCustomerSettings s) => new()
    {
        StoreId = storeId, AskShopperForTrackingConsent = s.AskShopperForTrackingConsent, PolicyUrl = s.PolicyUrl ?? "",
        AskShopperForTrackingConsentOnCheckout = s.AskShopperForTrackingConsentOnCheckout,
    };

    private static ChannelSettings ToEntity(int storeId, SnapshotChannelSettings c) => new()
    {
        StoreId = storeId, ChannelId = c.ChannelId, AskShopperForTrackingConsent = c.AskShopperForTrackingConsent, PolicyUrl = c.PolicyUrl,
        AskShopperForTrackingConsentOnCheckout = c.AskShopperForTrackingConsentOnCheckout, GuestCustomerGroupId = c.GuestCustomerGroupId,
        DefaultCustomerGroupId = c.DefaultCustomerGroupId, AllowGlobalLogins = c.AllowGlobalLogins,
    };

    /// <summary>Through V2's own mapping, so the access and the rules are stored exactly as a V2 write stores them.</summary>
    private static CustomerGroup ToEntity(int storeId, SnapshotCustomerGroup g, DateTime now)
    {
        var group = new CustomerGroup { StoreId = storeId, Id = g.Id, Name = "", NameKey = "", DateCreated = At(g.DateCreated, now) };
        new CreateCustomerGroupV2
        {
            Name = g.Name, IsDefault = g.IsDefault, IsGroupForGuests = g.IsGroupForGuests, CategoryAccess = g.CategoryAccess, DiscountRules = g.DiscountRules,
        }.ApplyTo(group, At(g.DateModified, now));
        return group;
    }

    private static CustomerAttribute ToEntity(int storeId, SnapshotCustomerAttribute a, DateTime now) => new()
    {
        StoreId = storeId, Id = a.Id, Name = a.Name!, NameKey = MatchKey.Of(a.Name!), Type = a.Type!, DateCreated = At(a.DateCreated, now),
        DateModified = At(a.DateModified, now),
    };

    /// <summary>Without a password: a snapshot never holds one.</summary>
    private static Customer ToEntity(int storeId, SnapshotCustomer c, DateTime now)
    {
        var customer = new Customer
        {
            StoreId = storeId, Id = c.Id, FirstName = "", LastName = "", Email = c.Email!.Trim(), EmailKey = MatchKey.Of(c.Email!),
            Company = c.Company ?? "", Phone = c.Phone ?? "", Notes = c.Notes ?? "", TaxExemptCategory = c.TaxExemptCategory ?? "",
            RegistrationIpAddress = c.RegistrationIpAddress ?? "", StoreCredit = c.StoreCredit, CustomerGroupId = c.CustomerGroupId,
            AcceptsMarketing = c.AcceptsMarketing, ResetPassOnLogin = c.ResetPassOnLogin, OriginChannelId = c.OriginChannelId,
            ChannelIds = c.ChannelIds, DateCreated = At(c.DateCreated, now), DateModified = At(c.DateModified, now),
        };
        customer.SetNames(c.FirstName!, c.LastName!);
        return customer;
    }

    private static CustomerAddress ToEntity(int storeId, SnapshotAddress a)
    {
        Countries.TryFind(a.Country, out var country);
        var address = new CustomerAddress
        {
            StoreId = storeId, Id = a.Id, CustomerId = a.CustomerId, FirstName = "", LastName = "", Company = a.Company ?? "",
            Street1 = a.Street1!, Street2 = a.Street2 ?? "", City = a.City!, State = a.State ?? "", Zip = a.Zip ?? "",
            Country = country.Name, CountryIso2 = country.Iso2, Phone = a.Phone ?? "",
            AddressType = a.AddressType ?? AddressV2FieldsValidator<CreateAddressV2>.Residential,
        };
        address.SetNames(a.FirstName!, a.LastName!);
        return address;
    }

    private static CustomerAttributeValue ToEntity(int storeId, SnapshotAttributeValue v, DateTime now) => new()
    {
        StoreId = storeId, Id = v.Id, CustomerId = v.CustomerId, AttributeId = v.AttributeId, Value = v.Value!,
        DateCreated = At(v.DateCreated, now), DateModified = At(v.DateModified, now),
    };

    /// <summary>The categories in the spec's order, as V3's consent write keeps them.</summary>
    private static CustomerConsent ToEntity(int storeId, SnapshotConsent c) => new()
    {
        StoreId = storeId, CustomerId = c.CustomerId,
        Allow = [.. ConsentCategories.All.Where(category => c.Allow?.Contains(category) == true)],
        Deny = [.. ConsentCategories.All.Where(category => c.Deny?.Contains(category) == true)],
    };

    private static CustomerMetafield ToEntity(int storeId, SnapshotMetafield m, DateTime now) => new()
    {
        StoreId = storeId, Id = m.Id, CustomerId = m.CustomerId, OwnerClientId = m.OwnerClientId!, PermissionSet = m.PermissionSet!,
        Namespace = m.Namespace!, Key = m.Key!, Value = m.Value!, Description = m.Description ?? "",
        DateCreated = At(m.DateCreated, now), DateModified = At(m.DateModified, now),
    };
}
