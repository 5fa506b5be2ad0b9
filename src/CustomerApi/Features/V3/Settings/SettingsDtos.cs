using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace CustomerApi.Features.V3.Settings;

/// <summary>A settings answer: <c>{"data": {...}, "meta": {}}</c> (spec).</summary>
public sealed record SettingsEnvelopeV3<T>(T Data, EmptyMetaV3 Meta);

/// <summary>
/// Privacy settings. Globally every field has a value; on a channel null means "no override: the global value applies".
/// <c>ask_shopper_for_tracking_consent_on_checkout</c> is in the spec's examples and BigCommerce's answers, not its schema.
/// </summary>
public sealed record PrivacySettingsV3(bool? AskShopperForTrackingConsent, string? PolicyUrl, bool? AskShopperForTrackingConsentOnCheckout);

/// <summary>Customer group settings: a group of the store, or 0 for none; on a channel null means no override.</summary>
public sealed record GroupSettingsV3(int? GuestCustomerGroupId, int? DefaultCustomerGroupId);

public sealed record CustomerSettingsV3(PrivacySettingsV3 PrivacySettings, GroupSettingsV3 CustomerGroupSettings);

public sealed record ChannelSettingsV3(PrivacySettingsV3 PrivacySettings, GroupSettingsV3 CustomerGroupSettings, bool AllowGlobalLogins);

/// <summary>
/// A body whose fields are told apart when left out and when sent as null: a settings PUT changes only what it sends,
/// and on a channel a null removes the override.
/// </summary>
public abstract class SettingsPatch
{
    private readonly HashSet<string> _sent = [];

    public bool WasSent(string property) => _sent.Contains(property);

    protected T Sent<T>(T value, [CallerMemberName] string property = "")
    {
        _sent.Add(property);
        return value;
    }
}

public sealed class PrivacySettingsInputV3 : SettingsPatch
{
    private readonly bool? _ask;
    private readonly string? _policyUrl;
    private readonly bool? _askOnCheckout;

    public bool? AskShopperForTrackingConsent { get => _ask; init => _ask = Sent(value); }
    public string? PolicyUrl { get => _policyUrl; init => _policyUrl = Sent(value); }
    public bool? AskShopperForTrackingConsentOnCheckout { get => _askOnCheckout; init => _askOnCheckout = Sent(value); }
}

public sealed class GroupSettingsInputV3 : SettingsPatch
{
    private readonly int? _guest;
    private readonly int? _default;

    public int? GuestCustomerGroupId { get => _guest; init => _guest = Sent(value); }
    public int? DefaultCustomerGroupId { get => _default; init => _default = Sent(value); }
}

/// <summary>The body of <c>PUT /customers/settings</c> (spec: CustomerSettingsObject); what it leaves out keeps its value.</summary>
public class UpdateCustomerSettingsV3
{
    public PrivacySettingsInputV3? PrivacySettings { get; init; }
    public GroupSettingsInputV3? CustomerGroupSettings { get; init; }
}

/// <summary>The body of <c>PUT /customers/settings/channels/{id}</c> (spec: CustomerChannelSettingsObject).</summary>
public sealed class UpdateChannelSettingsV3 : UpdateCustomerSettingsV3
{
    private readonly bool? _allowGlobalLogins;

    /// <summary>null (sent) puts back the default: allowed.</summary>
    public bool? AllowGlobalLogins
    {
        get => _allowGlobalLogins;
        init
        {
            _allowGlobalLogins = value;
            AllowGlobalLoginsSent = true;
        }
    }

    [JsonIgnore]
    public bool AllowGlobalLoginsSent { get; private init; }
}
