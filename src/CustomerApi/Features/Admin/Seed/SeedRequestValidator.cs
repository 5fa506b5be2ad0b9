using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.Admin.Seed;

/// <summary>
/// The request with its defaults filled in. <see cref="MaxCustomers"/> bounds one request: its transaction holds the
/// store's lock and one lock per new email (PostgreSQL's shared lock table, ~30,000 on a default server, is what every
/// session shares), and it answers in seconds; more customers are one more request, whose ids continue.
/// </summary>
public sealed record SeedPlan(int Customers, int AddressesPerCustomer, int Groups, int Attributes, int Seed)
{
    public const int MaxCustomers = 10_000;
    public const int MaxAddressesPerCustomer = 10;
    public const int MaxGroups = 100;

    public static SeedPlan From(SeedRequest request) => new(
        request.Customers ?? 100, request.AddressesPerCustomer ?? 1, request.Groups ?? 0, request.Attributes ?? 0, request.Seed ?? 1);
}

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
