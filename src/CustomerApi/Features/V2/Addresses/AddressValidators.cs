using System.Linq.Expressions;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V2.Addresses;

/// <summary>Rules shared by create and update: every field that is present must be well formed.</summary>
public abstract class AddressV2FieldsValidator<T> : AbstractValidator<T> where T : AddressV2Fields
{
    public const string Residential = "residential";
    public const string Commercial = "commercial";

    // Read-only fields clients send back with whole objects: ignored (behaviour doc 3.6). customer_id comes from the URL.
    private static readonly HashSet<string> ReadOnlyFields = ["id", "customer_id", "country_iso2", "form_fields"];

    protected AddressV2FieldsValidator()
    {
        this.OnlyReadOnlyExtras(ReadOnlyFields);
        NotBlank(a => a.FirstName, "first_name", AddressLimits.Name);
        NotBlank(a => a.LastName, "last_name", AddressLimits.Name);
        RuleFor(a => a.Company).MaxText("company", AddressLimits.Company);
        NotBlank(a => a.Street1, "street_1", AddressLimits.Street);
        RuleFor(a => a.Street2).MaxText("street_2", AddressLimits.Street);
        NotBlank(a => a.City, "city", AddressLimits.City);

        // [spec] "Cannot be null. As a workaround for addresses that include no state/province string, pass a space".
        RuleFor(a => a.State).Must(v => v!.Length > 0).When(a => a.State is not null)
            .Fails(Failure.Invalid("state", "state must not be empty; send a space for an address without one"));
        RuleFor(a => a.State).MaxText("state", AddressLimits.State);
        NotBlank(a => a.Zip, "zip", AddressLimits.Zip);
        RuleFor(a => a.Country).Must(c => Countries.TryFind(c, out _)).When(a => a.Country is not null)
            .Fails(Failure.Invalid("country", "country must be the full English name of a country, e.g. United States"));
        NotBlank(a => a.Phone, "phone", AddressLimits.Phone);
        RuleFor(a => a.AddressType).OneOf([Residential, Commercial])
            .Fails(Failure.Invalid("address_type", $"address_type must be {Residential} or {Commercial}"));
    }

    private void NotBlank(Expression<Func<T, string?>> field, string name, int max)
    {
        var value = field.Compile();
        RuleFor(field).Must(v => v!.Trim().Length > 0).When(a => value(a) is not null)
            .Fails(Failure.Invalid(name, $"{name} must not be empty"));
        RuleFor(field).MaxText(name, max);
    }
}

public sealed class CreateAddressV2Validator : AddressV2FieldsValidator<CreateAddressV2>
{
    public CreateAddressV2Validator()
    {
        RuleFor(a => a.FirstName).NotNull().Fails(Failure.Required("first_name"));
        RuleFor(a => a.LastName).NotNull().Fails(Failure.Required("last_name"));
        RuleFor(a => a.Phone).NotNull().Fails(Failure.Required("phone"));
        RuleFor(a => a.Street1).NotNull().Fails(Failure.Required("street_1"));
        RuleFor(a => a.City).NotNull().Fails(Failure.Required("city"));
        RuleFor(a => a.State).NotNull().Fails(Failure.Required("state"));
        RuleFor(a => a.Zip).NotNull().Fails(Failure.Required("zip"));
        RuleFor(a => a.Country).NotNull().Fails(Failure.Required("country"));
    }
}

public sealed class UpdateAddressV2Validator : AddressV2FieldsValidator<UpdateAddressV2>;

public sealed class AddressQueryV2Validator : AbstractValidator<AddressQueryV2>
{
    public AddressQueryV2Validator()
    {
        this.OnlyKnownFilters(AddressQueryV2.Names);
        this.AddPagingRules(ApiVersion.V2);
    }
}
