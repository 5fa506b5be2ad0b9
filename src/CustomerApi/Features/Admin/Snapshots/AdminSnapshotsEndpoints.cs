using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>
/// A store's data as a whole: reset it to empty (ids from 1 again), read it as one document, or replace it with one, all
/// at once. The store itself, its tokens and its form field definitions stay as they are.
/// </summary>
public static class AdminSnapshotsEndpoints
{
    public static RouteGroupBuilder MapAdminSnapshots(this RouteGroupBuilder admin)
    {
        admin.MapPost("/stores/{hash}/reset", Reset).WithName("adminResetStore")
            .WithSummary("Remove all of a store's data, keeping its tokens and settings; ids start again at 1");
        admin.MapGet("/stores/{hash}/snapshot", Get).WithName("adminGetSnapshot")
            .WithSummary("Get a store's whole data as one document (ids kept, never password hashes)");
        admin.MapPut("/stores/{hash}/snapshot", Restore).WithName("adminRestoreSnapshot")
            .WithSummary("Replace a store's data with a snapshot, all at once")
            .WithRequestExample(Example);
        return admin;
    }

    public static async Task<Results<NoContent, BcErrorResult>> Reset([FromRoute] string hash, CustomerDbContext db, CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await StoreWipe.WipeAsync(db, storeId, ct))
        {
            return BcErrors.NotFound(ApiVersion.Admin); // deleted meanwhile
        }

        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<SnapshotJson, BcErrorResult>> Get([FromRoute] string hash, CustomerDbContext db, CancellationToken ct) =>
        await AdminStoreIds.ByHashAsync(db, hash, ct) is { } storeId ? new SnapshotJson(storeId, db) : BcErrors.NotFound(ApiVersion.Admin);

    /// <summary>
    /// The document was checked by <see cref="SnapshotValidator"/> before this runs; here what needs the store (its form
    /// fields), then one transaction: wipe, every row with its id, the counters. Any failure rolls it all back.
    /// </summary>
    public static async Task<Results<NoContent, BcErrorResult>> Restore(
        [FromRoute] string hash, StoreSnapshot body, CustomerDbContext db, PasswordService passwords, StoreDirectory directory,
        TimeProvider clock, CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        var (formFieldValues, failures) = await SnapshotFormFields.ResolveAsync(db, storeId, body.FormFieldValues, passwords, ct);
        if (failures.Count > 0)
        {
            return BcErrors.Validation(ApiVersion.Admin, failures);
        }

        var counters = SnapshotRestore.CountersOf(body);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await StoreWipe.WipeAsync(db, storeId, ct))
            {
                return BcErrors.NotFound(ApiVersion.Admin);
            }

            if (!await SnapshotRestore.InsertAsync(db, storeId, body, formFieldValues, clock.UtcNowToTheSecond(), ct))
            {
                return BcErrors.AdminInvalid("body", "The database refused a row of the snapshot as it stands; nothing was changed.");
            }

            await StoreWipe.SetCountersAsync(db, storeId, counters, ct);
            await StoreWipe.RestartCustomerIdsAsync(db, storeId, counters.LastCustomerId + 1, ct);
            await transaction.CommitAsync(ct);
        }

        directory.Forget(hash); // its channels' settings are cached with its tokens
        return TypedResults.NoContent();
    }

    private static readonly StoreSnapshot Example = new()
    {
        FormatVersion = StoreSnapshot.CurrentFormatVersion,
        Counters = new StoreCounters(LastCustomerId: 1, LastAddressId: 1, LastCustomerGroupId: 1, LastAttributeId: 1, LastAttributeValueId: 1,
            LastFormFieldValueId: 0, LastMetafieldId: 0),
        CustomerSettings = new SnapshotCustomerSettings { AskShopperForTrackingConsent = true, PolicyUrl = "https://example.com/privacy" },
        ChannelSettings = [],
        CustomerGroups = [new SnapshotCustomerGroup { Id = 1, Name = "Wholesale", DateCreated = DateTime.UnixEpoch, DateModified = DateTime.UnixEpoch }],
        Attributes = [new SnapshotCustomerAttribute { Id = 1, Name = "Shoe size", Type = "number", DateCreated = DateTime.UnixEpoch, DateModified = DateTime.UnixEpoch }],
        Customers =
        [
            new SnapshotCustomer
            {
                Id = 1, FirstName = "Jane", LastName = "Doe", Email = "jane@example.com", CustomerGroupId = 1, ChannelIds = null,
                DateCreated = DateTime.UnixEpoch, DateModified = DateTime.UnixEpoch,
            },
        ],
        Addresses =
        [
            new SnapshotAddress
            {
                Id = 1, CustomerId = 1, FirstName = "Jane", LastName = "Doe", Street1 = "1 Main St", City = "Austin", State = "Texas", Zip = "78701",
                Country = "United States", Phone = "555-0100", AddressType = "residential",
            },
        ],
        AttributeValues =
        [
            new SnapshotAttributeValue { Id = 1, CustomerId = 1, AttributeId = 1, Value = "42", DateCreated = DateTime.UnixEpoch, DateModified = DateTime.UnixEpoch },
        ],
        FormFieldValues = [],
        Consents = [new SnapshotConsent { CustomerId = 1, Allow = ["essential", "analytics"], Deny = ["targeting"] }],
        Metafields = [],
    };
}
