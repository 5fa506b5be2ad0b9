using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Customers;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CustomerApi.Infrastructure.OpenApi;

namespace CustomerApi.Features.V2.Addresses;

/// <summary>
/// <c>/customers/{customer_id}/addresses</c>: a customer's addresses. An unknown customer is a 404 on every route,
/// and so is an address of another customer.
/// </summary>
public static class AddressesEndpoints
{
    public static RouteGroupBuilder MapAddressesV2(this RouteGroupBuilder v2)
    {
        var addresses = v2.MapGroup("/customers/{customer_id:int}/addresses").WithTags("Customer Addresses (V2)");
        addresses.MapGet("", List).WithName("getCustomerAddresses").WithSummary("Get All Customer Addresses");
        addresses.MapPost("", Create).WithName("createCustomerAddress").WithSummary("Create a Customer Address")
            .WithRequestExample(new CreateAddressV2
            {
                FirstName = "Jane", LastName = "Doe", Phone = "555-0100", Street1 = "1 Main Street", City = "Austin", State = "Texas",
                Zip = "78701", Country = "United States", AddressType = "residential",
            });
        addresses.MapDelete("", DeleteMany).WithName("deleteCustomerAddresses").WithSummary("Delete Customer Address");
        addresses.MapGet("/count", Count).WithName("getCustomerAddressesCount").WithSummary("Get a Count of Customer Addresses");
        addresses.MapGet("/{customer_address_id:int}", Get).WithName("getCustomerAddress").WithSummary("Get a Customer Address");
        addresses.MapPut("/{customer_address_id:int}", Update).WithName("updateCustomerAddress").WithSummary("Update a Customer Address")
            .WithRequestExample(new UpdateAddressV2 { Street2 = "Suite 200", AddressType = "commercial" });
        addresses.MapDelete("/{customer_address_id:int}", Delete).WithName("deletesCustomerAddress").WithSummary("Delete a Customer Address");
        return v2;
    }

    private static IQueryable<CustomerAddress> Of(this CustomerDbContext db, StoreContext store, int customerId) =>
        db.CustomerAddresses.AsNoTracking().Where(a => a.StoreId == store.Id && a.CustomerId == customerId);

    private static Task<bool> CustomerExistsAsync(this CustomerDbContext db, StoreContext store, int customerId, CancellationToken ct) =>
        db.Customers.AnyAsync(c => c.StoreId == store.Id && c.Id == customerId, ct);

    public static async Task<Results<Ok<List<AddressV2>>, NoContent, BcErrorResult>> List(
        [FromRoute(Name = "customer_id")] int customerId, [AsParameters] AddressQueryV2 query, StoreContext store, CustomerDbContext db,
        CancellationToken ct)
    {
        if (!await db.CustomerExistsAsync(store, customerId, ct))
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        var paging = Paging.From(query);
        if (paging.Offset is not { } offset)
        {
            return TypedResults.NoContent();
        }

        var page = await db.Of(store, customerId).OrderBy(a => a.Id).Skip(offset).Take(paging.Limit)
            .Select(AddressMapping.Projection).ToListAsync(ct);
        return page.Count == 0 ? TypedResults.NoContent() : TypedResults.Ok(page); // V2 answers an empty page with 204
    }

    public static async Task<Results<Ok<CountV2>, BcErrorResult>> Count(
        [FromRoute(Name = "customer_id")] int customerId, [AsParameters] AddressQueryV2 query, StoreContext store, CustomerDbContext db,
        CancellationToken ct)
    {
        _ = query; // validated (page/limit only) and otherwise ignored: a count is never paged
        return await db.CustomerExistsAsync(store, customerId, ct)
            ? TypedResults.Ok(new CountV2(await db.Of(store, customerId).CountAsync(ct)))
            : BcErrors.NotFound(ApiVersion.V2);
    }

    public static async Task<Results<Ok<AddressV2>, BcErrorResult>> Get(
        [FromRoute(Name = "customer_id")] int customerId, [FromRoute(Name = "customer_address_id")] int id, StoreContext store,
        CustomerDbContext db, CancellationToken ct)
    {
        var address = await db.Of(store, customerId).Where(a => a.Id == id).Select(AddressMapping.Projection).FirstOrDefaultAsync(ct);
        return address is null ? BcErrors.NotFound(ApiVersion.V2) : TypedResults.Ok(address);
    }

    public static async Task<Results<Created<AddressV2>, BcErrorResult>> Create(
        [FromRoute(Name = "customer_id")] int customerId, CreateAddressV2 body, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var address = new CustomerAddress
        {
            StoreId = store.Id, CustomerId = customerId, FirstName = "", LastName = "", Street1 = "", City = "", State = "", Zip = "",
            Country = "", CountryIso2 = "", Phone = "", AddressType = AddressV2FieldsValidator<CreateAddressV2>.Residential,
        };
        body.ApplyTo(address);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.CustomerExistsAsync(store, customerId, ct))
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        address.Id = await StoreSequences.TakeAsync(db, store.Id, StoreSequence.Addresses, ct);
        db.CustomerAddresses.Add(address);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.NotFound(ApiVersion.V2); // the customer was deleted meanwhile; the rollback returns the id
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/stores/{store.Hash}/v2/customers/{customerId}/addresses/{address.Id}", address.ToV2());
    }

    public static async Task<Results<Ok<AddressV2>, BcErrorResult>> Update(
        [FromRoute(Name = "customer_id")] int customerId, [FromRoute(Name = "customer_address_id")] int id, UpdateAddressV2 body,
        StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var address = await db.CustomerAddresses.FirstOrDefaultAsync(a => a.StoreId == store.Id && a.CustomerId == customerId && a.Id == id, ct);
        if (address is null)
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        body.ApplyTo(address);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.NotFound(ApiVersion.V2); // deleted (or its customer was) between the read and the write
        }

        return TypedResults.Ok(address.ToV2());
    }

    public static async Task<Results<NoContent, BcErrorResult>> Delete(
        [FromRoute(Name = "customer_id")] int customerId, [FromRoute(Name = "customer_address_id")] int id, StoreContext store,
        CustomerDbContext db, CancellationToken ct)
    {
        var deleted = await db.CustomerAddresses.Where(a => a.StoreId == store.Id && a.CustomerId == customerId && a.Id == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? BcErrors.NotFound(ApiVersion.V2) : TypedResults.NoContent();
    }

    /// <summary>Deletes every address of the customer; paging does not apply.</summary>
    public static async Task<Results<NoContent, BcErrorResult>> DeleteMany(
        [FromRoute(Name = "customer_id")] int customerId, [AsParameters] AddressQueryV2 query, StoreContext store, CustomerDbContext db,
        CancellationToken ct)
    {
        _ = query;
        if (!await db.CustomerExistsAsync(store, customerId, ct))
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        await db.CustomerAddresses.Where(a => a.StoreId == store.Id && a.CustomerId == customerId).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }
}
