using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.Admin.Seed;

/// <summary>
/// The bounds a request can be judged by alone; that the attributes fit the store's cap with those it already has is
/// checked under the store's lock (StoreSeeder).
/// </summary>
public sealed class SeedRequestValidator : AbstractValidator<SeedRequest>
{
    public SeedRequestValidator()
    {
        this.OnlyReadOnlyExtras(new HashSet<string>());
        Between(r => r.Customers, "customers", SeedPlan.MaxCustomers);
        Between(r => r.AddressesPerCustomer, "addresses_per_customer", SeedPlan.MaxAddressesPerCustomer);
        Between(r => r.Groups, "groups", SeedPlan.MaxGroups);
        Between(r => r.Attributes, "attributes", CustomerAttribute.MaxPerStore);
    }

    private void Between(System.Linq.Expressions.Expression<Func<SeedRequest, int?>> field, string name, int max) =>
        RuleFor(field).InclusiveBetween(0, max).Fails(Failure.Invalid(name, $"{name} must be from 0 to {max}"));
}
