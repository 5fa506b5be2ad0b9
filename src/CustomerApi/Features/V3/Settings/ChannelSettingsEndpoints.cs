using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Settings;

/// <summary>
/// V3's <c>/customers/settings/channels/{channel_id}</c>: a channel's overrides of the global settings, and whether it
/// allows global logins. A channel the store does not know (channel 1, and those configured) is 404 [inferred].
/// </summary>
public static class ChannelSettingsEndpoints
{
    public static RouteGroupBuilder MapChannelSettingsV3(this RouteGroupBuilder settings)
    {
        settings.MapGet("/channels/{channel_id:int}", Get).WithName("getCustomersSettingsChannel").WithSummary("Get Customer Settings per Channel");
        settings.MapPut("/channels/{channel_id:int}", Update).WithName("updateCustomersSettingsChannel")
            .WithSummary("Update Customer Settings per Channel")
            .WithRequestExample(new UpdateChannelSettingsV3
            {
                PrivacySettings = new PrivacySettingsInputV3
                {
                    AskShopperForTrackingConsent = true, PolicyUrl = "https://example.com/policy", AskShopperForTrackingConsentOnCheckout = null,
                },
                CustomerGroupSettings = new GroupSettingsInputV3 { GuestCustomerGroupId = null, DefaultCustomerGroupId = 0 },
                AllowGlobalLogins = true,
            });
        return settings;
    }

    public static async Task<Results<Ok<SettingsEnvelopeV3<ChannelSettingsV3>>, BcErrorResult>> Get(
        [FromRoute(Name = "channel_id")] int channelId, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var row = await db.ChannelSettings.AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == store.Id && c.ChannelId == channelId, ct);
        if (row is null && channelId != ChannelRules.DefaultChannel)
        {
            return BcErrors.NotFound(ApiVersion.V3);
        }

        return Answer(row ?? new ChannelSettings { StoreId = store.Id, ChannelId = channelId });
    }

    /// <summary>Changes what the body sends; a field sent as null removes the channel's override (allow_global_logins: back to allowed).</summary>
    public static async Task<Results<Ok<SettingsEnvelopeV3<ChannelSettingsV3>>, BcErrorResult>> Update(
        [FromRoute(Name = "channel_id")] int channelId, UpdateChannelSettingsV3 body, StoreContext store, CustomerDbContext db,
        StoreDirectory directory, CancellationToken ct)
    {
        // Under the store's lock: a group named cannot be deleted before the override is saved (its delete clears overrides).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, store.Id, ct);
        var row = await db.ChannelSettings.FirstOrDefaultAsync(c => c.StoreId == store.Id && c.ChannelId == channelId, ct);
        if (row is null && channelId != ChannelRules.DefaultChannel)
        {
            return BcErrors.NotFound(ApiVersion.V3);
        }

        if (await SettingsEndpoints.UnknownGroupAsync(db, store.Id, body.CustomerGroupSettings, ct) is { } unknown)
        {
            return unknown;
        }

        if (row is null)
        {
            row = new ChannelSettings { StoreId = store.Id, ChannelId = channelId };
            db.ChannelSettings.Add(row);
        }

        Apply(body, row);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // The store's cached channels decide logins and new customers' channels: read them afresh from the next request.
        directory.Forget(store.Hash);
        return Answer(row);
    }

    private static void Apply(UpdateChannelSettingsV3 body, ChannelSettings row)
    {
        if (body.PrivacySettings is { } privacy)
        {
            if (privacy.WasSent(nameof(privacy.AskShopperForTrackingConsent)))
            {
                row.AskShopperForTrackingConsent = privacy.AskShopperForTrackingConsent;
            }

            if (privacy.WasSent(nameof(privacy.PolicyUrl)))
            {
                row.PolicyUrl = privacy.PolicyUrl;
            }

            if (privacy.WasSent(nameof(privacy.AskShopperForTrackingConsentOnCheckout)))
            {
                row.AskShopperForTrackingConsentOnCheckout = privacy.AskShopperForTrackingConsentOnCheckout;
            }
        }

        if (body.CustomerGroupSettings is { } groups)
        {
            if (groups.WasSent(nameof(groups.GuestCustomerGroupId)))
            {
                row.GuestCustomerGroupId = groups.GuestCustomerGroupId;
            }

            if (groups.WasSent(nameof(groups.DefaultCustomerGroupId)))
            {
                row.DefaultCustomerGroupId = groups.DefaultCustomerGroupId;
            }
        }

        if (body.AllowGlobalLoginsSent)
        {
            row.AllowGlobalLogins = body.AllowGlobalLogins ?? true;
        }
    }

    private static Ok<SettingsEnvelopeV3<ChannelSettingsV3>> Answer(ChannelSettings row) => TypedResults.Ok(new SettingsEnvelopeV3<ChannelSettingsV3>(
        new ChannelSettingsV3(
            new PrivacySettingsV3(row.AskShopperForTrackingConsent, row.PolicyUrl, row.AskShopperForTrackingConsentOnCheckout),
            new GroupSettingsV3(row.GuestCustomerGroupId, row.DefaultCustomerGroupId),
            row.AllowGlobalLogins),
        new EmptyMetaV3()));
}
