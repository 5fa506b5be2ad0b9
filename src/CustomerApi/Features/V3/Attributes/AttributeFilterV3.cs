using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.Attributes;

/// <summary>The filters of <c>GET /customers/attributes</c>. Names compare ignoring case and surrounding spaces.</summary>
public sealed record AttributeFilterV3 : DatedListQuery
{
    public static readonly IReadOnlySet<string> Names =
        new HashSet<string>(["name", "name:like", "type", .. CommonNames], StringComparer.Ordinal);

    [FromQuery(Name = "name")] public string? Name { get; init; }
    [FromQuery(Name = "name:like")] public string? NameLike { get; init; }
    [FromQuery(Name = "type")] public string? Type { get; init; }

    public IQueryable<CustomerAttribute> Apply(IQueryable<CustomerAttribute> attributes)
    {
        var nameKey = Name is null ? null : MatchKey.Of(Name);
        var fragment = NameLike is null ? null : MatchKey.Of(NameLike);
        return attributes
            .WhereIf(nameKey is not null, a => a.NameKey == nameKey)
            .WhereIf(fragment is not null, a => a.NameKey.Contains(fragment!))
            .WhereIf(Type is not null, a => a.Type == Type)
            .WhereDates(this);
    }
}
