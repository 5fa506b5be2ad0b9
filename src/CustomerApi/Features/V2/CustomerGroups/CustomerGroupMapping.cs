using System.Text.Json;
using CustomerApi.Data.Entities;

namespace CustomerApi.Features.V2.CustomerGroups;

public static class CustomerGroupMapping
{
    // The stored JSON uses the wire's own names, so a rule reads back exactly as it is shown.
    private static readonly JsonSerializerOptions Stored = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static CustomerGroupV2 ToV2(this CustomerGroup group) => new()
    {
        Id = group.Id,
        Name = group.Name,
        IsDefault = group.IsDefault,
        CategoryAccess = new CategoryAccessV2
        {
            Type = group.CategoryAccessType,
            Categories = group.CategoryAccessType == CategoryAccessTypes.Specific
                ? JsonSerializer.Deserialize<List<int>>(group.CategoryIds, Stored)
                : null,
        },
        DiscountRules = JsonSerializer.Deserialize<List<DiscountRuleV2>>(group.DiscountRules, Stored) ?? [],
        DateCreated = group.DateCreated,
        DateModified = group.DateModified,
        IsGroupForGuests = group.IsGroupForGuests,
    };

    /// <summary>Copies what the (validated) request sent onto the group; absent fields stay as they are.</summary>
    public static void ApplyTo(this CustomerGroupV2Fields body, CustomerGroup group, DateTime now)
    {
        if (body.Name is not null)
        {
            group.Name = body.Name.Trim();
            group.NameKey = MatchKey.Of(body.Name);
        }

        group.IsDefault = body.IsDefault ?? group.IsDefault;
        group.IsGroupForGuests = body.IsGroupForGuests ?? group.IsGroupForGuests;
        if (body.CategoryAccess is { } access)
        {
            group.CategoryAccessType = access.Type!;
            group.CategoryIds = JsonSerializer.Serialize(
                access.Type == CategoryAccessTypes.Specific ? access.Categories!.Distinct().ToList() : [], Stored);
        }

        if (body.DiscountRules is { } rules)
        {
            group.DiscountRules = JsonSerializer.Serialize(rules.Select(r => Normalized(r!)).ToList(), Stored);
        }

        group.DateModified = now;
    }

    /// <summary>The rule with only the fields its type has.</summary>
    private static DiscountRuleV2 Normalized(DiscountRuleV2 rule) => rule.Type == DiscountRuleTypes.PriceList
        ? new DiscountRuleV2 { Type = rule.Type, PriceListId = rule.PriceListId }
        : new DiscountRuleV2
        {
            Type = rule.Type,
            Method = rule.Method,
            Amount = rule.Amount,
            CategoryId = rule.Type == DiscountRuleTypes.Category ? rule.CategoryId : null,
            ProductId = rule.Type == DiscountRuleTypes.Product ? rule.ProductId : null,
        };
}

public static class DiscountRuleTypes
{
    public const string PriceList = "price_list";
    public const string All = "all";
    public const string Category = "category";
    public const string Product = "product";

    public static readonly IReadOnlySet<string> Values = new HashSet<string>(StringComparer.Ordinal) { PriceList, All, Category, Product };

    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal) { "percent", "fixed", "price" };

    /// <summary>The id field a rule of <paramref name="type"/> needs, if any.</summary>
    public static string? IdField(string type) => type switch
    {
        PriceList => "price_list_id",
        Category => "category_id",
        Product => "product_id",
        _ => null,
    };
}
