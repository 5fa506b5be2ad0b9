using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.CustomerGroups;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Settings;

/// <summary>V3's <c>/customers/settings</c>: the store's global privacy and customer group settings.</summary>
public static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettingsV3(this RouteGroupBuilder v3)
    {
        var settings = v3.MapGroup("/customers/settings").WithTags("Settings (V3)");
        settings.MapGet("", Get).WithName("getCustomersSettings").WithSummary("Get Customer Settings");
        settings.MapPut("", Update).WithName("updateCustomersSettings").WithSummary("Update Customer Settings")
            .WithRequestExample(new UpdateCustomerSettingsV3
            {
                PrivacySettings = new PrivacySettingsInputV3
                {
                    AskShopperForTrackingConsent = true, PolicyUrl = "https://example.com/policy", AskShopperForTrackingConsentOnCheckout = false,
                },
                CustomerGroupSettings = new GroupSettingsInputV3 { GuestCustomerGroupId = 0, DefaultCustomerGroupId = 0 },
            });
        settings.MapChannelSettingsV3();
        return v3;
    }

    public static async Task<Ok<SettingsEnvelopeV3<CustomerSettingsV3>>> Get(StoreContext store, CustomerDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new SettingsEnvelopeV3<CustomerSettingsV3>(await ReadAsync(db, store.Id, ct), new EmptyMetaV3()));

    /// <summary>
    /// Changes what the body sends and answers the whole settings. Naming a guest or default group moves that flag of the
    /// store's V2 groups (0 takes it from every group), so <c>GET /v2/customer_groups</c> agrees at once.
    /// </summary>
    public static async Task<Results<Ok<SettingsEnvelopeV3<CustomerSettingsV3>>, BcErrorResult>> Update(
        UpdateCustomerSettingsV3 body, StoreContext store, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // Under the store's lock: a group named cannot be deleted before it is flagged, and two first PUTs cannot both insert the row.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, store.Id, ct);
        if (await UnknownGroupAsync(db, store.Id, body.CustomerGroupSettings, ct) is { } unknown)
        {
            return unknown;
        }

        if (body.PrivacySettings is { } privacy)
        {
            var row = await db.CustomerSettings.FirstOrDefaultAsync(s => s.StoreId == store.Id, ct);
            if (row is null)
            {
                row = new CustomerSettings { StoreId = store.Id };
                db.CustomerSettings.Add(row);
            }

            row.AskShopperForTrackingConsent = privacy.AskShopperForTrackingConsent ?? row.AskShopperForTrackingConsent;
            row.PolicyUrl = privacy.PolicyUrl ?? row.PolicyUrl;
            row.AskShopperForTrackingConsentOnCheckout = privacy.AskShopperForTrackingConsentOnCheckout ?? row.AskShopperForTrackingConsentOnCheckout;
            await db.SaveChangesAsync(ct);
        }

        var now = clock.UtcNowToTheSecond();
        var groups = db.CustomerGroups.Where(g => g.StoreId == store.Id);
        if (body.CustomerGroupSettings?.GuestCustomerGroupId is { } guestsId)
        {
            await groups.Where(g => g.IsGroupForGuests != (g.Id == guestsId))
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.IsGroupForGuests, g => g.Id == guestsId).SetProperty(g => g.DateModified, now), ct);
        }

        if (body.CustomerGroupSettings?.DefaultCustomerGroupId is { } defaultId)
        {
            await groups.Where(g => g.IsDefault != (g.Id == defaultId))
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.IsDefault, g => g.Id == defaultId).SetProperty(g => g.DateModified, now), ct);
        }

        var settings = await ReadAsync(db, store.Id, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new SettingsEnvelopeV3<CustomerSettingsV3>(settings, new EmptyMetaV3()));
    }

    /// <summary>A group id above 0 that names no group of the store; call under the store's lock.</summary>
    internal static async Task<BcErrorResult?> UnknownGroupAsync(CustomerDbContext db, int storeId, GroupSettingsInputV3? groups, CancellationToken ct)
    {
        foreach (var (field, id) in new[] { ("guest_customer_group_id", groups?.GuestCustomerGroupId), ("default_customer_group_id", groups?.DefaultCustomerGroupId) })
        {
            if (id is { } groupId && !await CustomerGroupsEndpoints.IsAssignableAsync(db, storeId, groupId, ct))
            {
                return BcErrors.InvalidField(ApiVersion.V3, $"customer_group_settings.{field}", $"there is no customer group {groupId} in this store; 0 is none");
            }
        }

        return null;
    }

    /// <summary>The global settings: the stored privacy settings (or the defaults), and the groups flagged for guests and as default (or 0).</summary>
    private static async Task<CustomerSettingsV3> ReadAsync(CustomerDbContext db, int storeId, CancellationToken ct)
    {
        var privacy = await db.CustomerSettings.AsNoTracking().Where(s => s.StoreId == storeId)
            .Select(s => new PrivacySettingsV3(s.AskShopperForTrackingConsent, s.PolicyUrl, s.AskShopperForTrackingConsentOnCheckout))
            .FirstOrDefaultAsync(ct) ?? new PrivacySettingsV3(false, "", false);
        var flagged = await db.CustomerGroups.AsNoTracking().Where(g => g.StoreId == storeId && (g.IsGroupForGuests || g.IsDefault))
            .OrderBy(g => g.Id).Select(g => new { g.Id, g.IsGroupForGuests, g.IsDefault }).ToListAsync(ct);
        return new CustomerSettingsV3(privacy,
            new GroupSettingsV3(flagged.FirstOrDefault(g => g.IsGroupForGuests)?.Id ?? 0, flagged.FirstOrDefault(g => g.IsDefault)?.Id ?? 0));
    }
}
