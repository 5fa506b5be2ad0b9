using CustomerApi.Data;
using CustomerApi.Features.V3.Customers;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>V3's <c>/customers/addresses</c>: the same address book as V2's <c>/customers/{id}/addresses</c>, the same ids.</summary>
public static class AddressesEndpoints
{
    public static RouteGroupBuilder MapAddressesV3(this RouteGroupBuilder v3)
    {
        var addresses = v3.MapGroup("/customers/addresses").WithTags("Customer Addresses (V3)");
        addresses.MapGet("", List).WithName("getCustomersAddresses").WithSummary("Get All Customer Addresses");
        addresses.MapDelete("", Delete).WithName("deleteCustomersAddresses").WithSummary("Delete a Customer Address");
        return v3;
    }

    /// <summary>The store's addresses that match the filters, by id, with <c>meta.pagination</c> only (spec: _metaCollection).</summary>
    public static async Task<Ok<PageV3<AddressV3>>> List([AsParameters] AddressFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var query = filter.Apply(db.CustomerAddresses.AsNoTracking().Where(a => a.StoreId == store.Id)).OrderBy(a => a.Id);
        var page = await Envelope.PageAsync(query, a => a, Paging.FromV3(filter), ct);
        var formFields = filter.IncludesFormFields ? Array.Empty<FormFieldV3>() : null; // stores define none yet
        return TypedResults.Ok(new PageV3<AddressV3>([.. page.Data.Select(a => AddressV3.From(a) with { FormFields = formFields })], page.Meta));
    }

    /// <summary>Deletes the addresses of <c>id:in</c>; unknown ids are skipped and no <c>id:in</c> deletes nothing, 204 either way.</summary>
    public static async Task<NoContent> Delete([AsParameters] IdsFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var ids = filter.Ids;
        if (ids.Length > 0)
        {
            await db.CustomerAddresses.Where(a => a.StoreId == store.Id && ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
        }

        return TypedResults.NoContent();
    }
}
