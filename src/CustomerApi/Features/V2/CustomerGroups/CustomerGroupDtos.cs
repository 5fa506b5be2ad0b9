using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Json;

namespace CustomerApi.Features.V2.CustomerGroups;

/// <summary>A V2 customer group, in the spec's field order (<c>customerGroup_Full</c>).</summary>
public sealed class CustomerGroupV2
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public bool IsDefault { get; init; }
    public required CategoryAccessV2 CategoryAccess { get; init; }
    public required IReadOnlyList<DiscountRuleV2> DiscountRules { get; init; }

    [JsonConverter(typeof(Rfc2822DateConverter))]
    public DateTime DateCreated { get; init; }

    [JsonConverter(typeof(Rfc2822DateConverter))]
    public DateTime DateModified { get; init; }

    public bool IsGroupForGuests { get; init; }
}

/// <summary><c>category_access</c>, in requests and responses. <c>categories</c> is shown only for <c>specific</c>.</summary>
public sealed class CategoryAccessV2
{
    public string? Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Categories { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

/// <summary>
/// One discount rule, in requests, responses and the stored JSON. Only the fields of its type are written:
/// <c>price_list</c> has <c>price_list_id</c> alone; <c>all</c>, <c>category</c> and <c>product</c> have
/// <c>method</c> and <c>amount</c> (a 4-decimal string), the last two also their <c>category_id</c>/<c>product_id</c>.
/// </summary>
public sealed class DiscountRuleV2
{
    public string? Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Method { get; init; }

    [JsonConverter(typeof(V2MoneyConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Amount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PriceListId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? CategoryId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ProductId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

/// <summary>The writable fields of a group; absent (or null) means "leave as it is".</summary>
public abstract class CustomerGroupV2Fields
{
    public string? Name { get; init; }
    public bool? IsDefault { get; init; }
    public bool? IsGroupForGuests { get; init; }
    public CategoryAccessV2? CategoryAccess { get; init; }

    /// <summary>Replaces the group's rules wholesale; <c>[]</c> removes them all.</summary>
    public List<DiscountRuleV2?>? DiscountRules { get; init; }

    /// <summary>Everything else that was sent: read-only fields are ignored, anything unknown is refused.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

public sealed class CreateCustomerGroupV2 : CustomerGroupV2Fields;

public sealed class UpdateCustomerGroupV2 : CustomerGroupV2Fields;
