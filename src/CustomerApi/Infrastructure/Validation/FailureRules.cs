using CustomerApi.Infrastructure.Errors;
using FluentValidation;

namespace CustomerApi.Infrastructure.Validation;

public static class FailureRules
{
    /// <summary>Attaches the BigCommerce failure a rule reports; ValidationFilter turns it into the error body.</summary>
    public static IRuleBuilderOptions<T, TProperty> Fails<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Failure failure) =>
        rule.WithState(_ => failure).WithMessage(failure.Message);

    /// <summary>Text of at most <paramref name="max"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> MaxText<T>(this IRuleBuilder<T, string?> rule, string field, int max) =>
        rule.MaximumLength(max).Fails(Failure.Invalid(field, $"{field} must be at most {max} characters"));
}
