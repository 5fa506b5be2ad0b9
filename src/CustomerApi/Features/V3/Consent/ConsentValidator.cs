using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Consent;

/// <summary>[spec] consentAllow, Deny: categories of the four, each once (uniqueItems); one in both lists says two things [inferred: 422].</summary>
public sealed class DeclareConsentV3Validator : AbstractValidator<DeclareConsentV3>
{
    private static readonly string Rule = $"each category must be one of {string.Join(", ", ConsentCategories.All)}, and listed once";

    public DeclareConsentV3Validator()
    {
        RuleFor(c => c.Allow).Must(IsCategoryList).Fails(Failure.Invalid("allow", Rule));
        RuleFor(c => c.Deny).Must(IsCategoryList).Fails(Failure.Invalid("deny", Rule));
        RuleFor(c => c.Deny).Must((c, deny) => !(deny ?? []).Intersect(c.Allow ?? []).Any())
            .When(c => IsCategoryList(c.Allow) && IsCategoryList(c.Deny))
            .Fails(Failure.Invalid("deny", "a category cannot be both allowed and denied"));
    }

    private static bool IsCategoryList(List<string?>? list) =>
        list is null || list.All(c => c is not null && ConsentCategories.All.Contains(c)) && list.Distinct().Count() == list.Count;
}
