using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.Admin.Seed;

/// <summary><c>POST /admin/stores/{hash}/seed</c>: realistic customers, addresses, groups and attributes, the same for the same seed.</summary>
public static class AdminSeedEndpoints
{
    public static RouteGroupBuilder MapAdminSeed(this RouteGroupBuilder admin)
    {
        admin.MapPost("/stores/{hash}/seed", Seed).WithName("adminSeedStore")
            .WithSummary("Fill a store with realistic data, the same for the same seed")
            .WithDescription($"Adds to what the store has; ids continue from the store's own counters. At most {SeedPlan.MaxCustomers} customers "
                + $"a request, {SeedPlan.MaxAddressesPerCustomer} addresses each, {SeedPlan.MaxGroups} groups, and attributes up to the store's cap of {CustomerAttribute.MaxPerStore}.")
            .WithRequestExample(new SeedRequest { Customers = 100, AddressesPerCustomer = 1, Groups = 3, Attributes = 3, Seed = 42 });
        return admin;
    }

    public static async Task<Results<Created<SeedSummary>, BcErrorResult>> Seed(
        [FromRoute] string hash, SeedRequest body, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        var (made, error) = await StoreSeeder.SeedAsync(db, storeId, SeedPlan.From(body), clock.UtcNowToTheSecond(), ct);
        return made is null ? error! : TypedResults.Created((string?)null, made);
    }
}
