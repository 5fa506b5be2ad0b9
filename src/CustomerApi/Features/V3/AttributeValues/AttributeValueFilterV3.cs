using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.AttributeValues;

/// <summary>The filters of <c>GET /customers/attribute-values</c>; <c>name</c> is the attribute's name.</summary>
public sealed record AttributeValueFilterV3 : IPaged, IDateFilterV3, IQueryFilter
{
    public static readonly IReadOnlySet<string> Names =
        new HashSet<string>(["customer_id:in", "attribute_id:in", "name", "page", "limit", .. DateFiltersV3.Names], StringComparer.Ordinal);

    [FromQuery(Name = "customer_id:in")] public string? CustomerIdIn { get; init; }
    [FromQuery(Name = "attribute_id:in")] public string? AttributeIdIn { get; init; }
    [FromQuery(Name = "name")] public string? Name { get; init; }
    [FromQuery(Name = "date_created")] public string? DateCreated { get; init; }
    [FromQuery(Name = "date_created:min")] public string? DateCreatedMin { get; init; }
    [FromQuery(Name = "date_created:max")] public string? DateCreatedMax { get; init; }
    [FromQuery(Name = "date_modified")] public string? DateModified { get; init; }
    [FromQuery(Name = "date_modified:min")] public string? DateModifiedMin { get; init; }
    [FromQuery(Name = "date_modified:max")] public string? DateModifiedMax { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    public required HttpRequest Request { get; init; }

    public IQueryable<CustomerAttributeValue> Apply(IQueryable<CustomerAttributeValue> values, IQueryable<CustomerAttribute> attributes)
    {
        var customerIds = IdList.Parse(CustomerIdIn);
        var attributeIds = IdList.Parse(AttributeIdIn);
        var nameKey = Name is null ? null : CustomerAttribute.KeyOf(Name);
        return values
            .WhereIf(customerIds is not null, v => customerIds!.Contains(v.CustomerId))
            .WhereIf(attributeIds is not null, v => attributeIds!.Contains(v.AttributeId))
            .WhereIf(nameKey is not null, v => attributes.Any(a => a.StoreId == v.StoreId && a.Id == v.AttributeId && a.NameKey == nameKey))
            .WhereDates(this);
    }
}
