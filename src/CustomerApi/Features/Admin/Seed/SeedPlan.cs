namespace CustomerApi.Features.Admin.Seed;

/// <summary>
/// The request with its defaults filled in. <see cref="MaxCustomers"/> bounds one request because its transaction holds
/// the store's lock and one lock per new email until it commits, and PostgreSQL's lock table is shared by every session
/// (with the default 100 connections it held 30,000 such locks, not 40,000); more customers are one more request, whose
/// ids continue.
/// </summary>
public sealed record SeedPlan(int Customers, int AddressesPerCustomer, int Groups, int Attributes, int Seed)
{
    public const int MaxCustomers = 10_000;
    public const int MaxAddressesPerCustomer = 10;
    public const int MaxGroups = 100;

    public static SeedPlan From(SeedRequest request) => new(
        request.Customers ?? 100, request.AddressesPerCustomer ?? 1, request.Groups ?? 0, request.Attributes ?? 0, request.Seed ?? 1);
}
