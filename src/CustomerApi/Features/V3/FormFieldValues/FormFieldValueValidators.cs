using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.FormFieldValues;

public sealed class FormFieldValueFilterV3Validator : AbstractValidator<FormFieldValueFilterV3>
{
    public FormFieldValueFilterV3Validator()
    {
        this.OnlyKnownFilters(FormFieldValueFilterV3.Names);
        this.AddPagingRules(ApiVersion.V3);
        RuleFor(f => f.CustomerId).Must(v => QueryValues.ToInt(v) is >= 1).When(f => f.CustomerId is not null)
            .Fails(Failure.Invalid("customer_id", "customer_id must be a customer id"));
        RuleFor(f => f.AddressId).Must(v => QueryValues.ToInt(v) is >= 1).When(f => f.AddressId is not null)
            .Fails(Failure.Invalid("address_id", "address_id must be a customer address id"));
        RuleFor(f => f.FieldName).MaxText("field_name", FormField.NameLength);
        RuleFor(f => f.FieldType).Must(t => FormFieldTypes.All.Contains(t!)).When(f => f.FieldType is not null)
            .Fails(Failure.Invalid("field_type", $"field_type must be one of: {string.Join(", ", FormFieldTypes.All)}"));
        // [spec] BeforeCursorParam: "before" cannot be used together with "after".
        RuleFor(f => f.Before).Null().When(f => f.After is not null).Fails(Failure.Invalid("before", "before and after cannot be used together"));
        RuleFor(f => f.After).Must(v => FormFieldValueFilterV3.IdOf(v) is not null).When(f => f.After is not null)
            .Fails(Failure.Invalid("after", "after must be a cursor from this list's meta.cursor_pagination"));
        RuleFor(f => f.Before).Must(v => FormFieldValueFilterV3.IdOf(v) is not null).When(f => f.Before is not null)
            .Fails(Failure.Invalid("before", "before must be a cursor from this list's meta.cursor_pagination"));
    }
}

public sealed class FormFieldValueInputV3Validator : AbstractValidator<FormFieldValueInputV3>
{
    public FormFieldValueInputV3Validator()
    {
        RuleFor(v => v.CustomerId).NotNull().When(v => v.AddressId is null)
            .Fails(Failure.Invalid("customer_id", "Each value needs a customer_id (a customer's field) or an address_id (an address's field)."));
        RuleFor(v => v.AddressId).Null().When(v => v.CustomerId is not null)
            .Fails(Failure.Invalid("address_id", "A value belongs to a customer or to an address: give customer_id or address_id, not both."));
        RuleFor(v => v.CustomerId).GreaterThan(0).When(v => v.CustomerId is not null).Fails(Failure.Invalid("customer_id", "customer_id must be a customer id"));
        RuleFor(v => v.AddressId).GreaterThan(0).When(v => v.AddressId is not null).Fails(Failure.Invalid("address_id", "address_id must be a customer address id"));
        RuleFor(v => v.Name).NotNull().Fails(Failure.Required("name"));
        RuleFor(v => v.Name).MaxText("name", FormField.NameLength);
        RuleFor(v => v.Value).NotNull().Fails(Failure.Required("value"));
        RuleFor(v => v.Value).Must(v => FormFieldRules.IsValueKind(v!.Value)).When(v => v.Value is not null)
            .Fails(Failure.Invalid("value", "value must be text, a number or a list of texts"));
    }
}

/// <summary>At most <see cref="FormFieldValuesEndpoints.MaxPerCall"/> values a call [inferred]; more is a 413 (BatchValidator).</summary>
public sealed class FormFieldValuesInputV3Validator() : BatchValidator<FormFieldValueInputV3>(new FormFieldValueInputV3Validator(), FormFieldValuesEndpoints.MaxPerCall);
