using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerApi.Features.V3.Customers;

/// <summary>V3's <c>/customers</c>: the same customers as V2's.</summary>
public static class CustomersEndpoints
{
    public static RouteGroupBuilder MapCustomersV3(this RouteGroupBuilder v3)
    {
        var customers = v3.MapGroup("/customers").WithTags("Customers (V3)");
        customers.MapDelete("", Delete).WithName("deleteCustomersV3").WithSummary("Delete Customers");
        return v3;
    }

    /// <summary>
    /// Deletes the customers of <c>id:in</c>, with their addresses and attribute values; unknown ids are skipped and no
    /// <c>id:in</c> deletes nothing, 204 either way ("If not provided, a 204 is returned, with no changes to the data": spec).
    /// </summary>
    public static async Task<NoContent> Delete([AsParameters] IdsFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var ids = filter.Ids;
        if (ids.Length > 0)
        {
            await CustomerDeletes.DeleteAsync(db, store.Id, db.Customers.Where(c => c.StoreId == store.Id && ids.Contains(c.Id)), ct);
        }

        return TypedResults.NoContent();
    }
}
