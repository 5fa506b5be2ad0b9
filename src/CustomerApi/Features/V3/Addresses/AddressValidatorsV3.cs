using System.Linq.Expressions;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Addresses;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>Rules shared by every V3 address body: each field that is present must be well formed; the required ones are each body's.</summary>
public abstract class AddressV3FieldsValidator<T> : AbstractValidator<T> where T : AddressV3Fields
{
    protected AddressV3FieldsValidator(params string[] required)
    {
        Text(a => a.FirstName, "first_name", AddressLimits.Name, required);
        Text(a => a.LastName, "last_name", AddressLimits.Name, required);
        Text(a => a.Address1, "address1", AddressLimits.Street, required);
        Text(a => a.City, "city", AddressLimits.City, required);
        Text(a => a.StateOrProvince, "state_or_province", AddressLimits.State, required);
        Text(a => a.PostalCode, "postal_code", AddressLimits.Zip, required);
        RuleFor(a => a.Company).MaxText("company", AddressLimits.Company);
        RuleFor(a => a.Address2).MaxText("address2", AddressLimits.Street);
        RuleFor(a => a.Phone).MaxText("phone", AddressLimits.Phone);
        if (required.Contains("country_code"))
        {
            RuleFor(a => a.CountryCode).NotNull().Fails(Failure.Required("country_code"));
        }

        RuleFor(a => a.CountryCode).Must(c => Countries.TryFindByCode(c, out _)).When(a => a.CountryCode is not null)
            .Fails(Failure.Invalid("country_code", "country_code must be an ISO 3166-1 two-letter country code, e.g. US"));
        RuleFor(a => a.AddressType).OneOf([AddressV2FieldsValidator<CreateAddressV2>.Residential, AddressV2FieldsValidator<CreateAddressV2>.Commercial])
            .Fails(Failure.Invalid("address_type", "address_type must be residential or commercial"));
        RuleFor(a => a.FormFields).Custom(FormFieldRules.WellFormed);
    }

    /// <summary>Text of at most <paramref name="max"/> characters; when <paramref name="required"/> names it, sent and not blank.</summary>
    private void Text(Expression<Func<T, string?>> field, string name, int max, string[] required)
    {
        if (required.Contains(name))
        {
            var value = field.Compile();
            RuleFor(field).NotNull().Fails(Failure.Required(name));
            RuleFor(field).Must(v => v!.Trim().Length > 0).When(a => value(a) is not null).Fails(Failure.Invalid(name, $"{name} must not be empty"));
        }

        RuleFor(field).MaxText(name, max);
    }
}

/// <summary>[spec] customerAddresses_CustomerPost: names, address1, city and country_code; state and postal code may be left out.</summary>
public sealed class CustomerAddressInputV3Validator() : AddressV3FieldsValidator<CustomerAddressInputV3>(
    "first_name", "last_name", "address1", "city", "country_code");

/// <summary>[spec] address_Post: customer_id and every core field but company, address2, phone and address_type.</summary>
public sealed class CreateAddressV3Validator : AddressV3FieldsValidator<CreateAddressV3>
{
    public CreateAddressV3Validator()
        : base("first_name", "last_name", "address1", "city", "state_or_province", "postal_code", "country_code")
    {
        RuleFor(a => a.CustomerId).NotNull().Fails(Failure.Required("customer_id"));
        RuleFor(a => a.CustomerId).GreaterThan(0).When(a => a.CustomerId is not null).Fails(Failure.Invalid("customer_id", "customer_id must be a customer id"));
    }
}

public sealed class UpdateAddressV3Validator : AddressV3FieldsValidator<UpdateAddressV3>
{
    public UpdateAddressV3Validator()
    {
        RuleFor(a => a.Id).NotNull().Fails(Failure.Required("id"));
        RuleFor(a => a.Id).GreaterThan(0).When(a => a.Id is not null).Fails(Failure.Invalid("id", "id must be a customer address id"));
    }
}

/// <summary>At most <see cref="AddressesEndpoints.MaxPerCall"/> addresses a call [inferred]; more is a 413 (BatchValidator).</summary>
public sealed class CreateAddressesV3Validator() : BatchValidator<CreateAddressV3>(new CreateAddressV3Validator(), AddressesEndpoints.MaxPerCall);

public sealed class UpdateAddressesV3Validator() : BatchValidator<UpdateAddressV3>(new UpdateAddressV3Validator(), AddressesEndpoints.MaxPerCall);

public sealed class AddressFilterV3Validator : AbstractValidator<AddressFilterV3>
{
    public AddressFilterV3Validator()
    {
        // An unknown name, customer_id without ":in" among them, is 422 ([observed] 2018 beta: "The filter(s): customer_id are not valid").
        this.OnlyKnownFilters(AddressFilterV3.Names);
        this.AddPagingRules(ApiVersion.V3);
        RuleFor(f => f.IdIn).MustBeIdList("id:in");
        RuleFor(f => f.CustomerIdIn).MustBeIdList("customer_id:in");
        RuleFor(f => f.CompanyIn).MustBeTextList("company:in");
        RuleFor(f => f.NameIn).MustBeTextList("name:in");
        RuleFor(f => f.Include).Must(v => v is null || v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .All(name => name == "formfields"))
            .Fails(Failure.Invalid("include", "include may only name formfields"));
    }
}
