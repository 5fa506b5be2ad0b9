namespace CustomerApi.Data.Entities;

/// <summary>
/// A store's global privacy settings (V3 <c>/customers/settings</c>). A store without a row has the defaults. Its
/// customer group settings are not here: they are the groups' own <c>is_default</c> and <c>is_group_for_guests</c>,
/// so V2's groups and V3's settings cannot disagree.
/// </summary>
public sealed class CustomerSettings
{
    /// <summary>The longest privacy policy URL taken; BigCommerce documents none [inferred].</summary>
    public const int PolicyUrlMaxLength = 2048;

    public int StoreId { get; set; }
    public bool AskShopperForTrackingConsent { get; set; }
    public string PolicyUrl { get; set; } = "";
    public bool AskShopperForTrackingConsentOnCheckout { get; set; }
}
