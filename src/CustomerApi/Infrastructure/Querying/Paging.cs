using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Infrastructure.Querying;

/// <summary><c>page</c> (1-based, default 1) and <c>limit</c> (default 50, at most 250), as on every BigCommerce list.</summary>
public interface IPaged
{
    string? Page { get; }
    string? Limit { get; }
}

public readonly record struct Paging(int Page, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 250;

    public static Paging From(IPaged query) => new(QueryValues.ToInt(query.Page) ?? 1, QueryValues.ToInt(query.Limit) ?? DefaultLimit);

    /// <summary>V3 clamps a limit over the maximum to it (and reports it as per_page) instead of refusing it.</summary>
    public static Paging FromV3(IPaged query) => From(query) is var paging && paging.Limit > MaxLimit ? paging with { Limit = MaxLimit } : paging;

    /// <summary>Rows to skip, or null when the page lies beyond anything a store can hold.</summary>
    public int? Offset => (long)(Page - 1) * Limit is var offset && offset <= int.MaxValue ? (int)offset : null;
}

public static class PagingRules
{
    /// <summary>page and limit must be positive integers; a limit over the maximum is a 413 in V2 and clamped in V3.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, ApiVersion version) where T : IPaged
    {
        validator.RuleFor(q => q.Page)
            .Must(p => QueryValues.ToInt(p) is >= 1).When(q => q.Page is not null)
            .Fails(Failure.Invalid("page", "page must be a positive integer"));
        validator.RuleFor(q => q.Limit)
            .Must(l => QueryValues.ToInt(l) is >= 1).When(q => q.Limit is not null && QueryValues.ToInt(q.Limit) is not > Paging.MaxLimit)
            .Fails(Failure.Invalid("limit", $"limit must be an integer from 1 to {Paging.MaxLimit}"));
        validator.RuleFor(q => q.Limit)
            .Must(_ => false).When(q => version == ApiVersion.V2 && QueryValues.ToInt(q.Limit) is > Paging.MaxLimit)
            .Fails(Failure.LimitTooLarge(Paging.MaxLimit));
    }
}
