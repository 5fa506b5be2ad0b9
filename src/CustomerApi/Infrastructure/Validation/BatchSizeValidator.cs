using CustomerApi.Infrastructure.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerApi.Infrastructure.Validation;

/// <summary>
/// Judges only the size of a V3 batch whose items are written each on its own (partial success, as metafields'): at
/// least one item and at most <paramref name="maxItems"/> (more is a 413). The handler judges the items.
/// Compare <see cref="BatchValidator{TItem}"/>, where one bad item fails the whole batch.
/// </summary>
public abstract class BatchSizeValidator<TItem>(int maxItems) : AbstractValidator<List<TItem>>
{
    public int MaxItems => maxItems;

    protected override bool PreValidate(ValidationContext<List<TItem>> context, ValidationResult result)
    {
        var count = context.InstanceToValidate.Count;
        var failure = count > maxItems ? Failure.BatchTooLarge(maxItems, "items")
            : count == 0 ? Failure.Invalid("body", "The request must carry at least one item.")
            : null;
        if (failure is not null)
        {
            result.Errors.Add(new ValidationFailure(failure.Field, failure.Message) { CustomState = failure });
        }

        return failure is null;
    }
}
