using FluentValidation;
using FluentValidation.Validators;

namespace CustomerApi.Infrastructure.Validation;

/// <summary>A text that must be one of a fixed set (absent passes); the document lists the set as the field's enum.</summary>
public interface IOneOfValidator
{
    IReadOnlyCollection<string> Values { get; }
}

public sealed class OneOfValidator<T>(IReadOnlyCollection<string> values) : PropertyValidator<T, string?>, IOneOfValidator
{
    public IReadOnlyCollection<string> Values { get; } = values;

    public override string Name => "OneOfValidator";

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || Values.Contains(value);
}

public static class OneOfRules
{
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> values) =>
        rule.SetValidator(new OneOfValidator<T>(values));
}
