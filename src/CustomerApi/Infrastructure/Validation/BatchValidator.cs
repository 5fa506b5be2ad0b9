using CustomerApi.Infrastructure.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerApi.Infrastructure.Validation;

/// <summary>
/// Validates a V3 batch body: at least one item and at most <paramref name="maxItems"/> (more is a 413, judged before
/// any item is looked at), every item an object, and each item by <paramref name="item"/>, its failures keyed by index
/// (<c>0.name</c>). One bad item fails the whole batch, before anything is written.
/// </summary>
public abstract class BatchValidator<TItem>(IValidator<TItem> item, int maxItems) : AbstractValidator<List<TItem?>> where TItem : class
{
    public int MaxItems => maxItems;

    protected override bool PreValidate(ValidationContext<List<TItem?>> context, ValidationResult result)
    {
        var batch = context.InstanceToValidate;
        if (batch.Count > maxItems)
        {
            Add(result, Failure.BatchTooLarge(maxItems, "items"));
            return false;
        }

        if (batch.Count == 0)
        {
            Add(result, Failure.Invalid("body", "The request must carry at least one item."));
        }

        for (var index = 0; index < batch.Count; index++)
        {
            if (batch[index] is not { } entry)
            {
                Add(result, Failure.Invalid($"{index}", "Each item must be a JSON object."));
                continue;
            }

            foreach (var error in item.Validate(entry).Errors)
            {
                Add(result, (error.CustomState as Failure ?? Failure.Invalid(error.PropertyName, error.ErrorMessage)).AtItem(index));
            }
        }

        return result.IsValid;
    }

    private static void Add(ValidationResult result, Failure failure) =>
        result.Errors.Add(new ValidationFailure(failure.Field, failure.Message) { CustomState = failure });
}
