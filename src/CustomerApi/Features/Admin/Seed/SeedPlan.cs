namespace CustomerApi.Features.Admin.Seed;

/// <summary>
/// The request with its defaults filled in. <see cref="MaxCustomers"/> bounds how long one request holds the store's
/// locks (its writers wait meanwhile): 10,000 customers take seconds; more are one more request, whose ids continue.
/// </summary>
public sealed record SeedPlan(int Customers, int AddressesPerCustomer, int Groups, int Attributes, int Seed)
{
    public const int MaxCustomers = 10_000;
    public const int MaxAddressesPerCustomer = 10;
    public const int MaxGroups = 100;

    public static SeedPlan From(SeedRequest request) => new(
        request.Customers ?? 100, request.AddressesPerCustomer ?? 1, request.Groups ?? 0, request.Attributes ?? 0, request.Seed ?? 1);
}
