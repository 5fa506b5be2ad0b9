namespace CustomerApi.Data.Entities;

/// <summary>
/// A channel the store knows, with its overrides of the global customer settings (V3
/// <c>/customers/settings/channels/{id}</c>): null means none, the global value applies. Channel 1 is known without a
/// row (ChannelRules.DefaultChannel); other channels come from the configuration (StoreSeed.Channels).
/// </summary>
public sealed class ChannelSettings
{
    public int StoreId { get; set; }
    public int ChannelId { get; set; }
    public bool? AskShopperForTrackingConsent { get; set; }
    public string? PolicyUrl { get; set; }
    public bool? AskShopperForTrackingConsentOnCheckout { get; set; }

    /// <summary>A group of the store, or 0 for none; a deleted group's override goes with it.</summary>
    public int? GuestCustomerGroupId { get; set; }

    public int? DefaultCustomerGroupId { get; set; }

    /// <summary>Whether global customers (channel_ids null) may log in here, and whether customers created here are global.</summary>
    public bool AllowGlobalLogins { get; set; } = true;
}
