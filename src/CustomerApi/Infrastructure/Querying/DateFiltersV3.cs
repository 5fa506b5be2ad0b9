using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Infrastructure.Querying;

/// <summary>The date filters every V3 list offers: <c>date_created</c>, <c>date_modified</c>, each also with <c>:min</c> and <c>:max</c>.</summary>
public interface IDateFilterV3
{
    string? DateCreated { get; }
    string? DateCreatedMin { get; }
    string? DateCreatedMax { get; }
    string? DateModified { get; }
    string? DateModifiedMin { get; }
    string? DateModifiedMax { get; }
}

public static class DateFiltersV3
{
    public static readonly string[] Names =
        ["date_created", "date_created:min", "date_created:max", "date_modified", "date_modified:min", "date_modified:max"];

    /// <summary><c>:min</c> and <c>:max</c> are inclusive; the plain form matches a whole day or one second (see DateFilters.TryParseSpan).</summary>
    public static IQueryable<T> WhereDates<T>(this IQueryable<T> query, IDateFilterV3 filter) where T : IDated
    {
        var createdSpan = DateFilters.TryParseSpan(filter.DateCreated, out var createdFrom, out var createdUntil);
        var modifiedSpan = DateFilters.TryParseSpan(filter.DateModified, out var modifiedFrom, out var modifiedUntil);
        var (createdMin, createdMax) = (QueryValues.ToDate(filter.DateCreatedMin), QueryValues.ToDate(filter.DateCreatedMax));
        var (modifiedMin, modifiedMax) = (QueryValues.ToDate(filter.DateModifiedMin), QueryValues.ToDate(filter.DateModifiedMax));
        return query
            .WhereIf(createdSpan, x => x.DateCreated >= createdFrom && x.DateCreated < createdUntil)
            .WhereIf(modifiedSpan, x => x.DateModified >= modifiedFrom && x.DateModified < modifiedUntil)
            .WhereIf(createdMin is not null, x => x.DateCreated >= createdMin)
            .WhereIf(createdMax is not null, x => x.DateCreated <= createdMax)
            .WhereIf(modifiedMin is not null, x => x.DateModified >= modifiedMin)
            .WhereIf(modifiedMax is not null, x => x.DateModified <= modifiedMax);
    }

    public static void AddDateFilterRules<T>(this AbstractValidator<T> validator) where T : IDateFilterV3
    {
        validator.RuleFor(f => f.DateCreated).Must(QueryValues.IsDate).Fails(DateFailure("date_created"));
        validator.RuleFor(f => f.DateCreatedMin).Must(QueryValues.IsDate).Fails(DateFailure("date_created:min"));
        validator.RuleFor(f => f.DateCreatedMax).Must(QueryValues.IsDate).Fails(DateFailure("date_created:max"));
        validator.RuleFor(f => f.DateModified).Must(QueryValues.IsDate).Fails(DateFailure("date_modified"));
        validator.RuleFor(f => f.DateModifiedMin).Must(QueryValues.IsDate).Fails(DateFailure("date_modified:min"));
        validator.RuleFor(f => f.DateModifiedMax).Must(QueryValues.IsDate).Fails(DateFailure("date_modified:max"));
    }

    private static Failure DateFailure(string field) =>
        Failure.Invalid(field, $"{field} must be an ISO 8601 date (2024-05-14 or 2024-05-14T09:34:00) or a UNIX timestamp");
}
