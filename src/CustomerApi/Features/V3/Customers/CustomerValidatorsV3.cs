using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.Addresses;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using CustomerApi.Services;
using FluentValidation;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// Rules shared by create and update: every field that is present must be well formed (spec: customer_Post,
/// customer_Put). Whether an email is free, a group or attribute exists, is for the handler, under the locks.
/// </summary>
public abstract class CustomerV3FieldsValidator<T> : AbstractValidator<T> where T : CustomerV3Fields
{
    protected CustomerV3FieldsValidator()
    {
        RuleFor(c => c.Email).Must(EmailRules.IsEmail).When(c => c.Email is not null)
            .Fails(Failure.Invalid("email", $"email must be a valid email address of at most {CustomerLimits.Email} characters"));
        NotBlank(c => c.FirstName, "first_name");
        NotBlank(c => c.LastName, "last_name");
        RuleFor(c => c.Company).MaxText("company", CustomerLimits.Company);
        RuleFor(c => c.Phone).MaxText("phone", CustomerLimits.Phone);
        RuleFor(c => c.Notes).MaxText("notes", CustomerLimits.Notes);
        RuleFor(c => c.TaxExemptCategory).MaxText("tax_exempt_category", CustomerLimits.TaxExemptCategory);
        RuleFor(c => c.CustomerGroupId).GreaterThanOrEqualTo(0).When(c => c.CustomerGroupId is not null)
            .Fails(Failure.Invalid("customer_group_id", "customer_group_id must be 0 or a customer group id"));
        RuleFor(c => c.Authentication!.NewPassword).Must(p => PasswordPolicy.IsAcceptable(p!))
            .When(c => c.Authentication?.NewPassword is not null)
            .Fails(Failure.Invalid("authentication.new_password", PasswordPolicy.Rule));
        RuleFor(c => c.StoreCreditAmounts).Must(a => a!.Count <= 1).When(c => c.StoreCreditAmounts is not null)
            .Fails(Failure.Invalid("store_credit_amounts", "store_credit_amounts holds one amount: the store has one currency"));
        RuleFor(c => c.StoreCreditAmounts).Must(a => a!.All(x => x?.Amount is >= 0 and <= CustomerLimits.MaxStoreCredit))
            .When(c => c.StoreCreditAmounts is { Count: 1 })
            .Fails(Failure.Invalid("store_credit_amounts.0.amount", "amount must be a number from 0 to 999999999999.9999"));
        RuleFor(c => c.ChannelIds).Must(ids => ids!.Length is > 0 and <= ChannelRules.MaxChannelsPerCustomer && ids.All(id => id > 0))
            .When(c => c.ChannelIds is not null)
            .Fails(Failure.Invalid("channel_ids",
                $"channel_ids must list 1 to {ChannelRules.MaxChannelsPerCustomer} channel ids, or be null for every channel; it cannot be empty"));
        RuleFor(c => c.FormFields).Custom(FormFieldRules.WellFormed);
    }

    private void NotBlank(System.Linq.Expressions.Expression<Func<T, string?>> field, string name)
    {
        var value = field.Compile();
        RuleFor(field).Must(v => v!.Trim().Length > 0).When(c => value(c) is not null).Fails(Failure.Invalid(name, $"{name} must not be empty"));
        RuleFor(field).MaxText(name, CustomerLimits.Name);
    }
}

public sealed class CreateCustomerV3Validator : CustomerV3FieldsValidator<CreateCustomerV3>
{
    public CreateCustomerV3Validator()
    {
        RuleFor(c => c.Email).NotNull().Fails(Failure.Required("email"));
        RuleFor(c => c.FirstName).NotNull().Fails(Failure.Required("first_name"));
        RuleFor(c => c.LastName).NotNull().Fails(Failure.Required("last_name"));
        RuleFor(c => c.OriginChannelId).GreaterThan(0).When(c => c.OriginChannelId is not null)
            .Fails(Failure.Invalid("origin_channel_id", "origin_channel_id must be a channel id, 1 or more"));
        this.NestedList(c => c.Addresses, "addresses", new CustomerAddressInputV3Validator(), CustomerReadsV3.EmbeddedPerCustomer);
        this.NestedList(c => c.Attributes, "attributes", new CustomerAttributeInputV3Validator(), CustomerReadsV3.EmbeddedPerCustomer);
        RuleFor(c => c.Attributes).Must(a => a!.Where(x => x?.AttributeId is not null).GroupBy(x => x!.AttributeId).All(g => g.Count() == 1))
            .When(c => c.Attributes is not null)
            .Fails(Failure.Invalid("attributes", "attributes may give each attribute one value"));
    }
}

public sealed class UpdateCustomerV3Validator : CustomerV3FieldsValidator<UpdateCustomerV3>
{
    public UpdateCustomerV3Validator()
    {
        RuleFor(c => c.Id).NotNull().Fails(Failure.Required("id"));
        RuleFor(c => c.Id).GreaterThan(0).When(c => c.Id is not null).Fails(Failure.Invalid("id", "id must be a customer id"));
    }
}

/// <summary>[spec] "Create up to 10 customers in one call"; more is a 413 (BatchValidator).</summary>
public sealed class CreateCustomersV3Validator() : BatchValidator<CreateCustomerV3>(new CreateCustomerV3Validator(), CustomerV3Rules.MaxPerCall);

public sealed class UpdateCustomersV3Validator() : BatchValidator<UpdateCustomerV3>(new UpdateCustomerV3Validator(), CustomerV3Rules.MaxPerCall);

public sealed class CustomerAttributeInputV3Validator : AbstractValidator<CustomerAttributeInputV3>
{
    public CustomerAttributeInputV3Validator()
    {
        RuleFor(a => a.AttributeId).NotNull().Fails(Failure.Required("attribute_id"));
        RuleFor(a => a.AttributeId).GreaterThan(0).When(a => a.AttributeId is not null)
            .Fails(Failure.Invalid("attribute_id", "attribute_id must be a customer attribute id"));
        RuleFor(a => a.AttributeValue).NotNull().Fails(Failure.Required("attribute_value"));
        RuleFor(a => a.AttributeValue).MaxText("attribute_value", CustomerAttributeValue.ValueLength);
    }
}

public static class CustomerV3Rules
{
    /// <summary>[spec] "Create up to 10 customers in one call"; the same for updates.</summary>
    public const int MaxPerCall = 10;
}
