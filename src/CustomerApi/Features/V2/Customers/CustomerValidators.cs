using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Json;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using CustomerApi.Services;
using FluentValidation;

namespace CustomerApi.Features.V2.Customers;

/// <summary>Rules shared by create and update: every field that is present must be well formed.</summary>
public abstract partial class CustomerV2FieldsValidator<T> : AbstractValidator<T> where T : CustomerV2Fields
{
    // Read-only fields clients send back with whole objects: ignored, as BigCommerce does (behaviour doc 3.6).
    private static readonly HashSet<string> ReadOnlyFields =
        ["id", "date_created", "date_modified", "accepts_marketing", "addresses", "form_fields"];

    protected CustomerV2FieldsValidator()
    {
        RuleForEach(c => c.OtherFields).Must(f => ReadOnlyFields.Contains(f.Key))
            .WithState((_, f) => Failure.NotSupported(f.Key));
        RuleFor(c => c.FirstName).Must(v => v!.Trim().Length > 0).When(c => c.FirstName is not null)
            .Fails(Failure.Invalid("first_name", "first_name must not be empty"));
        RuleFor(c => c.FirstName).MaxText("first_name", CustomerLimits.Name);
        RuleFor(c => c.LastName).Must(v => v!.Trim().Length > 0).When(c => c.LastName is not null)
            .Fails(Failure.Invalid("last_name", "last_name must not be empty"));
        RuleFor(c => c.LastName).MaxText("last_name", CustomerLimits.Name);
        RuleFor(c => c.Email).Must(EmailRules.IsEmail).When(c => c.Email is not null)
            .Fails(Failure.Invalid("email", "email must be a valid email address of at most 250 characters"));
        RuleFor(c => c.Company).MaxText("company", CustomerLimits.Company);
        RuleFor(c => c.Phone).MaxText("phone", CustomerLimits.Phone);
        RuleFor(c => c.Notes).MaxText("notes", CustomerLimits.Notes);
        RuleFor(c => c.TaxExemptCategory).MaxText("tax_exempt_category", CustomerLimits.TaxExemptCategory);
        RuleFor(c => c.RegistrationIpAddress).MaxText("registration_ip_address", CustomerLimits.RegistrationIpAddress);
        RuleFor(c => c.StoreCredit).InclusiveBetween(0, CustomerLimits.MaxStoreCredit).When(c => c.StoreCredit is not null)
            .Fails(Failure.Invalid("store_credit", "store_credit must be an amount from 0 to 999999999999.9999"));
        RuleFor(c => c.CustomerGroupId).GreaterThanOrEqualTo(0).When(c => c.CustomerGroupId is not null)
            .Fails(Failure.Invalid("customer_group_id", "customer_group_id must be 0 or a customer group id"));
        When(c => c.Authentication is not null, () =>
        {
            RuleForEach(c => c.Authentication!.OtherFields).Must(_ => false)
                .WithState((_, f) => Failure.NotSupported("_authentication." + f.Key));
            RuleFor(c => c.Authentication!.Password).Must(p => PasswordPolicy.IsAcceptable(p!))
                .When(c => c.Authentication!.Password is not null)
                .Fails(Failure.Invalid("_authentication.password", PasswordPolicy.Rule));
            RuleFor(c => c.Authentication!.PasswordConfirmation)
                .Equal(c => c.Authentication!.Password).When(c => c.Authentication!.PasswordConfirmation is not null)
                .Fails(Failure.Invalid("_authentication.password_confirmation", "Passwords do not match."));
        });
    }

}

public sealed class CreateCustomerV2Validator : CustomerV2FieldsValidator<CreateCustomerV2>
{
    public CreateCustomerV2Validator()
    {
        RuleFor(c => c.FirstName).NotNull().Fails(Failure.Required("first_name"));
        RuleFor(c => c.LastName).NotNull().Fails(Failure.Required("last_name"));
        RuleFor(c => c.Email).NotNull().Fails(Failure.Required("email"));
    }
}

public sealed class UpdateCustomerV2Validator : CustomerV2FieldsValidator<UpdateCustomerV2>;

public sealed class ValidatePasswordV2Validator : AbstractValidator<ValidatePasswordV2>
{
    public ValidatePasswordV2Validator()
    {
        RuleFor(v => v.Password).NotNull().Fails(Failure.Required("password"));
        RuleForEach(v => v.OtherFields).Must(_ => false).WithState((_, f) => Failure.NotSupported(f.Key));
    }
}

public sealed class CustomerFilterV2Validator : AbstractValidator<CustomerFilterV2>
{
    public CustomerFilterV2Validator()
    {
        this.OnlyKnownFilters(CustomerFilterV2.Names);
        RuleFor(f => f.CustomerGroupId).Must(QueryValues.IsInt).Fails(Failure.Invalid("customer_group_id", "customer_group_id must be an integer"));
        RuleFor(f => f.MinId).Must(QueryValues.IsInt).Fails(Failure.Invalid("min_id", "min_id must be an integer"));
        RuleFor(f => f.MaxId).Must(QueryValues.IsInt).Fails(Failure.Invalid("max_id", "max_id must be an integer"));
        RuleFor(f => f.StoreCredit).Must(v => v is null || V2MoneyConverter.TryParse(v, out _))
            .Fails(Failure.Invalid("store_credit", "store_credit must be an amount"));
        RuleFor(f => f.MinDateCreated).Must(QueryValues.IsDate).Fails(DateFailure("min_date_created"));
        RuleFor(f => f.MaxDateCreated).Must(QueryValues.IsDate).Fails(DateFailure("max_date_created"));
        RuleFor(f => f.MinDateModified).Must(QueryValues.IsDate).Fails(DateFailure("min_date_modified"));
        RuleFor(f => f.MaxDateModified).Must(QueryValues.IsDate).Fails(DateFailure("max_date_modified"));
        this.AddPagingRules(ApiVersion.V2);
    }

    private static Failure DateFailure(string field) =>
        Failure.Invalid(field, $"{field} must be an RFC 2822 or ISO 8601 date, or a UNIX timestamp");
}
