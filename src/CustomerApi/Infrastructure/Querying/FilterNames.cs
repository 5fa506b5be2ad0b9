using CustomerApi.Infrastructure.Errors;
using FluentValidation;

namespace CustomerApi.Infrastructure.Querying;

public static class FilterNames
{
    /// <summary>Refuses every query parameter not in <paramref name="known"/>, by name.</summary>
    public static void OnlyKnownFilters<T>(this AbstractValidator<T> validator, IReadOnlySet<string> known) where T : IQueryFilter =>
        validator.RuleForEach(f => f.Request.Query.Keys).Must(known.Contains).WithState((_, name) => Failure.NotSupported(name));
}
