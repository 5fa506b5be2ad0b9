using System.Linq.Expressions;
using CustomerApi.Infrastructure.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerApi.Infrastructure.Validation;

public static class NestedRules
{
    /// <summary>
    /// A list inside a body, of at most <paramref name="max"/> objects, each judged by <paramref name="item"/>; failures are
    /// keyed by their path (<c>addresses.1.city</c>), so a batch's 422 names the item, the entry and the field.
    /// </summary>
    public static void NestedList<T, TItem>(this AbstractValidator<T> validator, Expression<Func<T, List<TItem?>?>> list, string name,
        IValidator<TItem> item, int max) where TItem : class =>
        validator.RuleFor(list).Custom((entries, context) =>
        {
            if (entries is null)
            {
                return;
            }

            if (entries.Count > max)
            {
                Add(context, Failure.Invalid(name, $"{name} may hold at most {max} entries"));
                return;
            }

            for (var index = 0; index < entries.Count; index++)
            {
                if (entries[index] is not { } entry)
                {
                    Add(context, Failure.Invalid($"{name}.{index}", "Each entry must be a JSON object."));
                    continue;
                }

                foreach (var error in item.Validate(entry).Errors)
                {
                    var failure = error.CustomState as Failure ?? Failure.Invalid(error.PropertyName, error.ErrorMessage);
                    Add(context, failure with { Field = $"{name}.{index}.{failure.Field}" });
                }
            }
        });

    private static void Add<T>(ValidationContext<T> context, Failure failure) =>
        context.AddFailure(new ValidationFailure(failure.Field, failure.Message) { CustomState = failure });
}
