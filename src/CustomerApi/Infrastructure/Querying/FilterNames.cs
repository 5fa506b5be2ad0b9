using CustomerApi.Infrastructure.Errors;
using FluentValidation;

namespace CustomerApi.Infrastructure.Querying;

public static class FilterNames
{
    /// <summary>
    /// Refuses every query parameter not in <paramref name="known"/>, by name, and every value holding U+0000: no stored
    /// text can hold it, and PostgreSQL refuses it as a query parameter (a 500 there).
    /// </summary>
    public static void OnlyKnownFilters<T>(this AbstractValidator<T> validator, IReadOnlySet<string> known) where T : IQueryFilter
    {
        validator.RuleForEach(f => f.Request.Query.Keys).Must(known.Contains).WithState((_, name) => Failure.NotSupported(name));
        validator.RuleForEach(f => f.Request.Query)
            .Must(p => !known.Contains(p.Key) || !p.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)))
            .WithState((_, p) => Failure.Invalid(p.Key, $"{p.Key} holds the character U+0000, which no stored text can hold"));
    }
}
