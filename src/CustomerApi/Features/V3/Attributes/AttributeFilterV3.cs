using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.Attributes;

/// <summary>The filters of <c>GET /customers/attributes</c>. Names compare ignoring case and surrounding spaces.</summary>
public sealed record AttributeFilterV3 : IPaged, IDateFilterV3, IQueryFilter
{
    public static readonly IReadOnlySet<string> Names =
        new HashSet<string>(["name", "name:like", "type", "page", "limit", .. DateFiltersV3.Names], StringComparer.Ordinal);

    [FromQuery(Name = "name")] public string? Name { get; init; }
    [FromQuery(Name = "name:like")] public string? NameLike { get; init; }
    [FromQuery(Name = "type")] public string? Type { get; init; }
    [FromQuery(Name = "date_created")] public string? DateCreated { get; init; }
    [FromQuery(Name = "date_created:min")] public string? DateCreatedMin { get; init; }
    [FromQuery(Name = "date_created:max")] public string? DateCreatedMax { get; init; }
    [FromQuery(Name = "date_modified")] public string? DateModified { get; init; }
    [FromQuery(Name = "date_modified:min")] public string? DateModifiedMin { get; init; }
    [FromQuery(Name = "date_modified:max")] public string? DateModifiedMax { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    public required HttpRequest Request { get; init; }

    public IQueryable<CustomerAttribute> Apply(IQueryable<CustomerAttribute> attributes)
    {
        var nameKey = Name is null ? null : CustomerAttribute.KeyOf(Name);
        var fragment = NameLike is null ? null : CustomerAttribute.KeyOf(NameLike);
        return attributes
            .WhereIf(nameKey is not null, a => a.NameKey == nameKey)
            .WhereIf(fragment is not null, a => a.NameKey.Contains(fragment!))
            .WhereIf(Type is not null, a => a.Type == Type)
            .WhereDates(this);
    }
}
