using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Addresses;

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
