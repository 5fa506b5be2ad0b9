using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Features.V3.Addresses;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Json;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// A customer as V3 answers it, keys in the order of BigCommerce's recorded answers (V3 doc 1.1); what <c>include</c>
/// adds comes after them, and is absent (not null) when not asked for. <c>channel_ids</c> is null for a global customer.
/// </summary>
public sealed class CustomerV3
{
    public int Id { get; init; }
    public required AuthenticationV3 Authentication { get; init; }
    public required string Company { get; init; }
    public int CustomerGroupId { get; init; }
    public required string Email { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string Notes { get; init; }
    public required string Phone { get; init; }
    public required string RegistrationIpAddress { get; init; }
    public required string TaxExemptCategory { get; init; }

    [JsonConverter(typeof(Iso8601DateConverter))]
    public DateTime DateCreated { get; init; }

    [JsonConverter(typeof(Iso8601DateConverter))]
    public DateTime DateModified { get; init; }

    public bool AcceptsProductReviewAbandonedCartEmails { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StoreCreditAmountV3>? StoreCreditAmounts { get; set; }

    public int OriginChannelId { get; init; }
    public int[]? ChannelIds { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AddressV3>? Addresses { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CustomerAttributeValueV3>? Attributes { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FormFieldValueV3>? FormFields { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ShopperProfileId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SegmentIds { get; set; }
}

/// <summary>What V3 shows of a customer's login: whether a new password is due (V2's <c>reset_pass_on_login</c>).</summary>
public sealed record AuthenticationV3(bool ForcePasswordReset);

/// <summary>One store credit amount; V2's <c>store_credit</c> as a JSON number (V3 doc 4).</summary>
public sealed record StoreCreditAmountV3([property: JsonConverter(typeof(V3AmountConverter))] decimal Amount);

/// <summary>A customer's value of one attribute, as <c>include=attributes</c> lists it (spec: attribute_Full).</summary>
public sealed record CustomerAttributeValueV3(
    int AttributeId,
    string AttributeValue,
    int CustomerId,
    [property: JsonConverter(typeof(Iso8601DateConverter))] DateTime DateCreated,
    [property: JsonConverter(typeof(Iso8601DateConverter))] DateTime DateModified,
    int Id);

/// <summary>A form field's value as a write sends it: text, a number, or a list of texts (spec: formFieldValue).</summary>
public sealed class FormFieldV3
{
    public string? Name { get; init; }
    public JsonElement? Value { get; init; }
}

/// <summary>The writable fields of a V3 customer, shared by create and update; each is left as it is when absent.</summary>
public abstract class CustomerV3Fields
{
    private int[]? _channelIds;

    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? Phone { get; init; }
    public string? Notes { get; init; }
    public string? TaxExemptCategory { get; init; }
    public int? CustomerGroupId { get; init; }
    public AuthenticationInputV3? Authentication { get; init; }
    public bool? AcceptsProductReviewAbandonedCartEmails { get; init; }
    public List<StoreCreditAmountInputV3?>? StoreCreditAmounts { get; init; }

    /// <summary>null (sent or not) on create: every channel. On update, sent as null: every channel from now on.</summary>
    public int[]? ChannelIds
    {
        get => _channelIds;
        init
        {
            _channelIds = value;
            ChannelIdsSent = true;
        }
    }

    [JsonIgnore]
    public bool ChannelIdsSent { get; private init; }

    public List<FormFieldV3?>? FormFields { get; init; }
}

/// <summary>
/// One item of <c>POST /customers</c> (spec: customer_Post). Keys it does not know are ignored, as BigCommerce does
/// (V3 doc 1.3: a misspelt <c>channels_ids</c> still creates the customer).
/// </summary>
public sealed class CreateCustomerV3 : CustomerV3Fields
{
    public List<CustomerAddressInputV3?>? Addresses { get; init; }
    public List<CustomerAttributeInputV3?>? Attributes { get; init; }
    public int? OriginChannelId { get; init; }

    /// <summary>Accepted and ignored: the emulator sends no email.</summary>
    public bool? TriggerAccountCreatedNotification { get; init; }
}

/// <summary>
/// One item of <c>PUT /customers</c> (spec: customer_Put), a partial update by <c>id</c>. Read-only fields sent back
/// (<c>registration_ip_address</c>, <c>origin_channel_id</c>, dates) and sub-resources (<c>addresses</c>,
/// <c>attributes</c>: "Subresource updates are not supported") are ignored, like any other key it does not know.
/// </summary>
public sealed class UpdateCustomerV3 : CustomerV3Fields
{
    public int? Id { get; init; }
}

public sealed class AuthenticationInputV3
{
    public bool? ForcePasswordReset { get; init; }

    /// <summary>Write only: hashed, never answered, never logged.</summary>
    public string? NewPassword { get; init; }
}

public sealed class StoreCreditAmountInputV3
{
    public decimal? Amount { get; init; }
}

public sealed class CustomerAttributeInputV3
{
    public int? AttributeId { get; init; }
    public string? AttributeValue { get; init; }
}
