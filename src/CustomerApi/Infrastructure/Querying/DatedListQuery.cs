using CustomerApi.Infrastructure.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Infrastructure.Querying;

/// <summary>
/// What every V3 list (and V2 customer groups) takes besides its own filters: the <c>date_created[:min|:max]</c>
/// filters and paging. Bound with <c>[AsParameters]</c>.
/// </summary>
public abstract record DatedListQuery : IPaged, IDateFilterV3, IQueryFilter
{
    /// <summary>The names this base binds; each list adds its own.</summary>
    public static readonly string[] CommonNames = ["page", "limit", .. DateFiltersV3.Names];

    [FromQuery(Name = "date_created")] public string? DateCreated { get; init; }
    [FromQuery(Name = "date_created:min")] public string? DateCreatedMin { get; init; }
    [FromQuery(Name = "date_created:max")] public string? DateCreatedMax { get; init; }
    [FromQuery(Name = "date_modified")] public string? DateModified { get; init; }
    [FromQuery(Name = "date_modified:min")] public string? DateModifiedMin { get; init; }
    [FromQuery(Name = "date_modified:max")] public string? DateModifiedMax { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    public required HttpRequest Request { get; init; }
}

public static class DatedListQueryRules
{
    /// <summary>Only the list's <paramref name="names"/> are accepted; dates and paging (of that API version) must be well formed.</summary>
    public static void AddListRules<T>(this AbstractValidator<T> validator, IReadOnlySet<string> names, ApiVersion version) where T : DatedListQuery
    {
        validator.OnlyKnownFilters(names);
        validator.AddDateFilterRules();
        validator.AddPagingRules(version);
    }
}
