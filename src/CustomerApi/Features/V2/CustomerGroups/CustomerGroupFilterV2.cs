using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V2.CustomerGroups;

/// <summary>
/// The filters of <c>GET /customer_groups</c> and <c>/customer_groups/count</c> [spec]. Names compare ignoring case
/// and surrounding spaces, as uniqueness does; the date filters are the <c>date_created[:min|:max]</c> forms V3 uses.
/// </summary>
public sealed record CustomerGroupFilterV2 : DatedListQuery
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(
        ["name", "name:like", "is_default", "is_group_for_guests", .. CommonNames], StringComparer.Ordinal);

    [FromQuery(Name = "name")] public string? Name { get; init; }
    [FromQuery(Name = "name:like")] public string? NameLike { get; init; }
    [FromQuery(Name = "is_default")] public string? IsDefault { get; init; }
    [FromQuery(Name = "is_group_for_guests")] public string? IsGroupForGuests { get; init; }

    public IQueryable<CustomerGroup> Apply(IQueryable<CustomerGroup> groups)
    {
        var nameKey = Name is null ? null : MatchKey.Of(Name);
        var fragment = NameLike is null ? null : MatchKey.Of(NameLike);
        var (isDefault, forGuests) = (QueryValues.ToBool(IsDefault), QueryValues.ToBool(IsGroupForGuests));
        return groups
            .WhereIf(nameKey is not null, g => g.NameKey == nameKey)
            .WhereIf(fragment is not null, g => g.NameKey.Contains(fragment!))
            .WhereIf(isDefault is not null, g => g.IsDefault == isDefault)
            .WhereIf(forGuests is not null, g => g.IsGroupForGuests == forGuests)
            .WhereDates(this);
    }
}
