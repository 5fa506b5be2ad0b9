using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Customers;

public sealed class CustomerFilterV3Validator : AbstractValidator<CustomerFilterV3>
{
    public CustomerFilterV3Validator()
    {
        this.AddListRules(CustomerFilterV3.Names, ApiVersion.V3);
        RuleFor(f => f.IdIn).MustBeIdList("id:in");
        RuleFor(f => f.CustomerGroupIdIn).Must(v => IdList.IsValid(v, minimum: 0))
            .Fails(Failure.Invalid("customer_group_id:in", $"customer_group_id:in must be a comma-separated list of at most {IdList.MaxCount} customer group ids (0 for no group)"));
        RuleFor(f => f.EmailIn).MustBeTextList("email:in");
        RuleFor(f => f.NameIn).MustBeTextList("name:in");
        RuleFor(f => f.NameLike).MustBeTextList("name:like");
        RuleFor(f => f.CompanyIn).MustBeTextList("company:in");
        RuleFor(f => f.PhoneIn).MustBeTextList("phone:in");
        RuleFor(f => f.RegistrationIpAddressIn).MustBeTextList("registration_ip_address:in");
        RuleFor(f => f.Include).Must(v => CustomerIncludes.Parse(v) is not null)
            .Fails(Failure.Invalid("include", $"include must be a comma-separated list of: {string.Join(", ", CustomerIncludes.Names)}"));
        RuleFor(f => f.Sort).Must(v => CustomerOrder.Parse(v) is not null)
            .Fails(Failure.Invalid("sort", $"sort must be one of: {string.Join(", ", CustomerOrder.Names)}"));
        // [spec] BeforeCursorParam: "before" cannot be used together with "after".
        RuleFor(f => f.Before).Null().When(f => f.After is not null)
            .Fails(Failure.Invalid("before", "before and after cannot be used together"));
        When(f => CustomerOrder.Parse(f.Sort) is not null, () =>
        {
            RuleFor(f => f.After).Must((f, v) => v is null || CustomerCursor.Decode(v, f.Order) is not null)
                .Fails(Failure.Invalid("after", "after must be a cursor from this list's meta.cursor_pagination, made with the same sort"));
            RuleFor(f => f.Before).Must((f, v) => v is null || CustomerCursor.Decode(v, f.Order) is not null)
                .Fails(Failure.Invalid("before", "before must be a cursor from this list's meta.cursor_pagination, made with the same sort"));
        });
    }
}
