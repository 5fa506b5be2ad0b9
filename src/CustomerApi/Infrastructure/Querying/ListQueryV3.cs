using CustomerApi.Infrastructure.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Infrastructure.Querying;

/// <summary>What every V3 list takes besides its own filters: the date filters and paging. Bound with <c>[AsParameters]</c>.</summary>
public abstract record ListQueryV3 : IPaged, IDateFilterV3, IQueryFilter
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

public static class ListQueryV3Rules
{
    /// <summary>Only the list's <paramref name="names"/> are accepted; dates and paging must be well formed.</summary>
    public static void AddListRules<T>(this AbstractValidator<T> validator, IReadOnlySet<string> names) where T : ListQueryV3
    {
        validator.OnlyKnownFilters(names);
        validator.AddDateFilterRules();
        validator.AddPagingRules(ApiVersion.V3);
    }
}
