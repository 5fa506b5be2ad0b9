using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.AttributeValues;

/// <summary>The filters of <c>GET /customers/attribute-values</c>; <c>name</c> is the attribute's name.</summary>
public sealed record AttributeValueFilterV3 : DatedListQuery
{
    public static readonly IReadOnlySet<string> Names =
        new HashSet<string>(["customer_id:in", "attribute_id:in", "name", .. CommonNames], StringComparer.Ordinal);

    [FromQuery(Name = "customer_id:in")] public string? CustomerIdIn { get; init; }
    [FromQuery(Name = "attribute_id:in")] public string? AttributeIdIn { get; init; }
    [FromQuery(Name = "name")] public string? Name { get; init; }

    public IQueryable<CustomerAttributeValue> Apply(IQueryable<CustomerAttributeValue> values, IQueryable<CustomerAttribute> attributes)
    {
        var customerIds = IdList.Parse(CustomerIdIn);
        var attributeIds = IdList.Parse(AttributeIdIn);
        var nameKey = Name is null ? null : MatchKey.Of(Name);
        return values
            .WhereIf(customerIds is not null, v => customerIds!.Contains(v.CustomerId))
            .WhereIf(attributeIds is not null, v => attributeIds!.Contains(v.AttributeId))
            .WhereIf(nameKey is not null, v => attributes.Any(a => a.StoreId == v.StoreId && a.Id == v.AttributeId && a.NameKey == nameKey))
            .WhereDates(this);
    }
}
