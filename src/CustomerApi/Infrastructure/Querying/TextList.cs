using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Infrastructure.Querying;

/// <summary>The one parser for comma lists of texts in filters (<c>email:in=a@x.com,b@x.com</c>).</summary>
public static class TextList
{
    /// <summary>The distinct values of a comma list, each trimmed and passed through <paramref name="key"/>; null when the filter is absent.</summary>
    public static string[]? Parse(string? text, Func<string, string> key) =>
        text?.Split(',', StringSplitOptions.TrimEntries).Select(key).Distinct(StringComparer.Ordinal).ToArray();
}

public static class TextListRules
{
    /// <summary>At most <see cref="IdList.MaxCount"/> values, as an id list.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeTextList<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(v => v is null || v.Split(',').Length <= IdList.MaxCount)
            .Fails(Failure.Invalid(field, $"{field} must be a comma-separated list of at most {IdList.MaxCount} values"));
}
