using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Settings;

/// <summary>
/// Global settings always have a value, so a null is refused there; on a channel a null removes the override. Whether a
/// group id names a group of the store is checked by the handler, under the store's lock.
/// </summary>
public sealed class UpdateCustomerSettingsV3Validator : AbstractValidator<UpdateCustomerSettingsV3>
{
    public UpdateCustomerSettingsV3Validator() => this.SettingsRules(nullRemovesOverride: false);
}

public sealed class UpdateChannelSettingsV3Validator : AbstractValidator<UpdateChannelSettingsV3>
{
    public UpdateChannelSettingsV3Validator() => this.SettingsRules(nullRemovesOverride: true);
}

internal static class SettingsRuleSet
{
    private const string Privacy = "privacy_settings";
    private const string Groups = "customer_group_settings";

    public static void SettingsRules<T>(this AbstractValidator<T> validator, bool nullRemovesOverride) where T : UpdateCustomerSettingsV3
    {
        validator.RuleFor(s => s.PrivacySettings!.PolicyUrl).MaxText($"{Privacy}.policy_url", CustomerSettings.PolicyUrlMaxLength)
            .When(s => s.PrivacySettings is not null);
        validator.RuleFor(s => s.CustomerGroupSettings!.GuestCustomerGroupId).GreaterThanOrEqualTo(0)
            .When(s => s.CustomerGroupSettings?.GuestCustomerGroupId is not null)
            .Fails(Failure.Invalid($"{Groups}.guest_customer_group_id", "guest_customer_group_id must be a customer group's id, or 0 for none"));
        validator.RuleFor(s => s.CustomerGroupSettings!.DefaultCustomerGroupId).GreaterThanOrEqualTo(0)
            .When(s => s.CustomerGroupSettings?.DefaultCustomerGroupId is not null)
            .Fails(Failure.Invalid($"{Groups}.default_customer_group_id", "default_customer_group_id must be a customer group's id, or 0 for none"));
        if (nullRemovesOverride)
        {
            return;
        }

        NotNull(validator, s => s.PrivacySettings, nameof(PrivacySettingsInputV3.AskShopperForTrackingConsent), p => p.AskShopperForTrackingConsent,
            $"{Privacy}.ask_shopper_for_tracking_consent", "must be true or false");
        NotNull(validator, s => s.PrivacySettings, nameof(PrivacySettingsInputV3.PolicyUrl), p => p.PolicyUrl,
            $"{Privacy}.policy_url", "must be a URL, or empty for none");
        NotNull(validator, s => s.PrivacySettings, nameof(PrivacySettingsInputV3.AskShopperForTrackingConsentOnCheckout),
            p => p.AskShopperForTrackingConsentOnCheckout, $"{Privacy}.ask_shopper_for_tracking_consent_on_checkout", "must be true or false");
        NotNull(validator, s => s.CustomerGroupSettings, nameof(GroupSettingsInputV3.GuestCustomerGroupId), g => g.GuestCustomerGroupId,
            $"{Groups}.guest_customer_group_id", "must be a customer group's id, or 0 for none");
        NotNull(validator, s => s.CustomerGroupSettings, nameof(GroupSettingsInputV3.DefaultCustomerGroupId), g => g.DefaultCustomerGroupId,
            $"{Groups}.default_customer_group_id", "must be a customer group's id, or 0 for none");
    }

    /// <summary>A field sent as null, where null has no meaning.</summary>
    private static void NotNull<T, TPart>(AbstractValidator<T> validator, Func<T, TPart?> part, string property, Func<TPart, object?> value,
        string field, string rule) where TPart : SettingsPatch =>
        validator.RuleFor(s => part(s)).Must(p => p is null || !p.WasSent(property) || value(p) is not null)
            .OverridePropertyName(field)
            .Fails(Failure.Invalid(field, $"{field[(field.IndexOf('.') + 1)..]} {rule}; null means nothing here"));
}
