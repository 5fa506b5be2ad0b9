using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.CustomerGroups;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>
/// A whole store's data as one document (<c>GET/PUT /admin/stores/{hash}/snapshot</c>): every row with its id, and the
/// id counters, so ids continue after a restore exactly as before. Rows refer to each other by id: an address to its
/// customer, a value to its attribute, a customer to its group. Password hashes are never in it (nor the values of
/// password form fields, which are hashes): restored customers have no password. Lists left out are empty; fields
/// left out take the value a new row would have; dates left out are the time of the restore.
/// </summary>
public sealed class StoreSnapshot
{
    /// <summary>The only format this service writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; }

    /// <summary>Left out, or lower than a list's highest id, and that id is taken as the counter.</summary>
    public StoreCounters? Counters { get; init; }

    /// <summary>The store's global privacy settings; null for the defaults.</summary>
    public SnapshotCustomerSettings? CustomerSettings { get; init; }

    public List<SnapshotChannelSettings?>? ChannelSettings { get; init; }
    public List<SnapshotCustomerGroup?>? CustomerGroups { get; init; }
    public List<SnapshotCustomerAttribute?>? Attributes { get; init; }
    public List<SnapshotCustomer?>? Customers { get; init; }
    public List<SnapshotAddress?>? Addresses { get; init; }
    public List<SnapshotAttributeValue?>? AttributeValues { get; init; }
    public List<SnapshotFormFieldValue?>? FormFieldValues { get; init; }
    public List<SnapshotConsent?>? Consents { get; init; }
    public List<SnapshotMetafield?>? Metafields { get; init; }
}

/// <summary>The last id handed out of each of the store's id sequences: the next of each is one more.</summary>
public sealed record StoreCounters(
    int LastCustomerId, int LastAddressId, int LastCustomerGroupId, int LastAttributeId, int LastAttributeValueId,
    int LastFormFieldValueId, int LastMetafieldId)
{
    public static readonly StoreCounters None = new(0, 0, 0, 0, 0, 0, 0);
}

public sealed class SnapshotCustomerSettings
{
    public bool AskShopperForTrackingConsent { get; init; }
    public string? PolicyUrl { get; init; }
    public bool AskShopperForTrackingConsentOnCheckout { get; init; }
}

/// <summary>A channel's overrides of the global settings; null is no override.</summary>
public sealed class SnapshotChannelSettings
{
    public int ChannelId { get; init; }
    public bool? AskShopperForTrackingConsent { get; init; }
    public string? PolicyUrl { get; init; }
    public bool? AskShopperForTrackingConsentOnCheckout { get; init; }
    public int? GuestCustomerGroupId { get; init; }
    public int? DefaultCustomerGroupId { get; init; }
    public bool AllowGlobalLogins { get; init; } = true;
}

/// <summary>A V2 customer group: its access and discount rules as V2 shows them.</summary>
public sealed class SnapshotCustomerGroup
{
    public int Id { get; init; }
    public string? Name { get; init; }
    public bool IsDefault { get; init; }
    public bool IsGroupForGuests { get; init; }
    public CategoryAccessV2? CategoryAccess { get; init; }
    public List<DiscountRuleV2?>? DiscountRules { get; init; }
    public DateTime? DateCreated { get; init; }
    public DateTime? DateModified { get; init; }
}

[SuppressMessage("Naming", "CA1711", Justification = "BigCommerce's own name for the resource; not a .NET attribute.")]
public sealed class SnapshotCustomerAttribute
{
    public int Id { get; init; }
    public string? Name { get; init; }

    /// <summary><c>string</c>, <c>number</c> or <c>date</c>.</summary>
    public string? Type { get; init; }

    public DateTime? DateCreated { get; init; }
    public DateTime? DateModified { get; init; }
}

public sealed class SnapshotCustomer
{
    public int Id { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Company { get; init; }
    public string? Phone { get; init; }
    public string? Notes { get; init; }
    public string? TaxExemptCategory { get; init; }
    public string? RegistrationIpAddress { get; init; }
    public decimal StoreCredit { get; init; }

    /// <summary>0 for none.</summary>
    public int CustomerGroupId { get; init; }

    public bool AcceptsMarketing { get; init; }
    public bool ResetPassOnLogin { get; init; }
    public int OriginChannelId { get; init; } = ChannelRules.DefaultChannel;

    /// <summary>Null: every channel (a global customer).</summary>
    public int[]? ChannelIds { get; init; }

    public DateTime? DateCreated { get; init; }
    public DateTime? DateModified { get; init; }
}

public sealed class SnapshotAddress
{
    public int Id { get; init; }
    public int CustomerId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }

    [JsonPropertyName("street_1")]
    public string? Street1 { get; init; }

    [JsonPropertyName("street_2")]
    public string? Street2 { get; init; }

    public string? City { get; init; }
    public string? State { get; init; }
    public string? Zip { get; init; }

    /// <summary>The full English name (V2's <c>country</c>).</summary>
    public string? Country { get; init; }

    /// <summary>Written for the reader; a restore derives it from <see cref="Country"/> and ignores it.</summary>
    public string? CountryIso2 { get; init; }

    public string? Phone { get; init; }

    /// <summary><c>residential</c> or <c>commercial</c>.</summary>
    public string? AddressType { get; init; }
}

public sealed class SnapshotAttributeValue
{
    public int Id { get; init; }
    public int CustomerId { get; init; }
    public int AttributeId { get; init; }
    public string? Value { get; init; }
    public DateTime? DateCreated { get; init; }
    public DateTime? DateModified { get; init; }
}

/// <summary>A value of one of the store's form fields (named, for their ids are the store's configuration), for a customer or an address.</summary>
public sealed class SnapshotFormFieldValue
{
    public int Id { get; init; }
    public string? FieldName { get; init; }
    public int? CustomerId { get; init; }
    public int? AddressId { get; init; }

    /// <summary>Text, a number or a list of texts, as V3 shows it.</summary>
    public JsonElement? Value { get; init; }
}

public sealed class SnapshotConsent
{
    public int CustomerId { get; init; }
    public List<string?>? Allow { get; init; }
    public List<string?>? Deny { get; init; }
}

public sealed class SnapshotMetafield
{
    public int Id { get; init; }
    public int CustomerId { get; init; }

    /// <summary>The client id of the token that created it: the metafield's owner.</summary>
    public string? OwnerClientId { get; init; }

    public string? PermissionSet { get; init; }
    public string? Namespace { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
    public string? Description { get; init; }
    public DateTime? DateCreated { get; init; }
    public DateTime? DateModified { get; init; }
}
