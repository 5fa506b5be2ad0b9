using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Features.V3.Customers;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>V3's <c>/customers/addresses</c>: the same address book as V2's <c>/customers/{id}/addresses</c>, the same ids.</summary>
public static class AddressesEndpoints
{
    /// <summary>Addresses one call may carry [inferred: the spec sets none; 10 as V3's customer batches].</summary>
    public const int MaxPerCall = 10;

    public static RouteGroupBuilder MapAddressesV3(this RouteGroupBuilder v3)
    {
        var addresses = v3.MapGroup("/customers/addresses").WithTags("Customer Addresses (V3)");
        addresses.MapGet("", List).WithName("getCustomersAddresses").WithSummary("Get All Customer Addresses");
        addresses.MapPost("", Create).WithName("createCustomersAddresses").WithSummary("Create a Customer Address")
            .WithRequestExample(new[]
            {
                new CreateAddressV3
                {
                    CustomerId = 1, FirstName = "Ann", LastName = "Lee", Address1 = "2 Side Street", City = "Austin", StateOrProvince = "Texas",
                    PostalCode = "78701", CountryCode = "US", Phone = "555-0100", AddressType = "residential",
                    FormFields = [new FormFieldV3 { Name = "preferred_contact_method", Value = JsonElement.Parse("\"email\"") }],
                },
            })
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {MaxPerCall} addresses in one call.", () => BcErrors.BatchTooLarge(MaxPerCall, "items"))
            .Answers(StatusCodes.Status409Conflict, "A row this batch read was changed meanwhile; nothing was written.", () => BcErrors.ChangedMeanwhile(ApiVersion.V3));
        addresses.MapPut("", Update).WithName("updateCustomersAddresses").WithSummary("Update a Customer Address")
            .WithRequestExample(new[] { new UpdateAddressV3 { Id = 1, Phone = "555-0199", Address2 = "Suite 200" } })
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {MaxPerCall} addresses in one call.", () => BcErrors.BatchTooLarge(MaxPerCall, "items"))
            .Answers(StatusCodes.Status409Conflict, "An address of the batch was deleted while it ran; nothing was written.", () => BcErrors.ChangedMeanwhile(ApiVersion.V3));
        addresses.MapDelete("", Delete).WithName("deleteCustomersAddresses").WithSummary("Delete a Customer Address");
        return v3;
    }

    /// <summary>The store's addresses that match the filters, by id, with <c>meta.pagination</c> only (spec: _metaCollection).</summary>
    public static async Task<Ok<PageV3<AddressV3>>> List([AsParameters] AddressFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var query = filter.Apply(db.CustomerAddresses.AsNoTracking().Where(a => a.StoreId == store.Id)).OrderBy(a => a.Id);
        var page = await Envelope.PageAsync(query, a => a, Paging.FromV3(filter), ct);
        var formFields = filter.IncludesFormFields
            ? await FormFieldValueReads.ForAddressesAsync(db, store.Id, store.FormFields, [.. page.Data.Select(a => a.Id)], ct)
            : null;
        return TypedResults.Ok(new PageV3<AddressV3>([.. page.Data.Select(a => AddressV3.From(a) with { FormFields = formFields?.Invoke(a.Id) })], page.Meta));
    }

    /// <summary>
    /// Creates addresses of the store's customers, all or none; one the customer already has (or the batch gives twice) is
    /// skipped and absent from the answer (spec). 422 names the item of an unknown customer.
    /// </summary>
    public static async Task<Results<Ok<EnvelopeV3<AddressV3>>, BcErrorResult>> Create(
        [FromBody] List<CreateAddressV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, CancellationToken ct)
    {
        var (written, error) = await AddressWritesV3.CreateAsync(body, store, db, passwords, ct);
        return error ?? (Results<Ok<EnvelopeV3<AddressV3>>, BcErrorResult>)TypedResults.Ok(Envelope.Written(written!));
    }

    /// <summary>Partial updates by id, all or none; an update into another address of the same customer is skipped (spec).</summary>
    public static async Task<Results<Ok<EnvelopeV3<AddressV3>>, BcErrorResult>> Update(
        [FromBody] List<UpdateAddressV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, CancellationToken ct)
    {
        var (written, error) = await AddressWritesV3.UpdateAsync(body, store, db, passwords, ct);
        return error ?? (Results<Ok<EnvelopeV3<AddressV3>>, BcErrorResult>)TypedResults.Ok(Envelope.Written(written!));
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
