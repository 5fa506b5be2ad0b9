using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.Customers;

/// <summary>V3's <c>/customers</c>: the same customers as V2's (CustomerMappingV3 maps the fields).</summary>
public static class CustomersEndpoints
{
    public static RouteGroupBuilder MapCustomersV3(this RouteGroupBuilder v3)
    {
        var customers = v3.MapGroup("/customers").WithTags("Customers (V3)");
        customers.MapGet("", List).WithName("getCustomersV3").WithSummary("Get All Customers");
        customers.MapPost("", Create).WithName("createCustomers").WithSummary("Create Customers")
            .WithRequestExample(new[]
            {
                new CreateCustomerV3
                {
                    Email = "ann@example.com", FirstName = "Ann", LastName = "Lee", Phone = "555-0100",
                    Authentication = new AuthenticationInputV3 { NewPassword = "Secret-123", ForcePasswordReset = false },
                    StoreCreditAmounts = [new StoreCreditAmountInputV3 { Amount = 43.15m }], OriginChannelId = 1, ChannelIds = [1],
                    FormFields = [new FormFieldV3 { Name = "shirt_size", Value = JsonElement.Parse("\"Large\"") }],
                },
            })
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {CustomerV3Rules.MaxPerCall} customers in one call.",
                () => BcErrors.BatchTooLarge(CustomerV3Rules.MaxPerCall, "items"))
            .Answers(StatusCodes.Status409Conflict, "Another request changed the store's rows this batch read; nothing was written.",
                () => BcErrors.ChangedMeanwhile(ApiVersion.V3));
        customers.MapPut("", Update).WithName("updateCustomers").WithSummary("Update Customers")
            .WithRequestExample(new[]
            {
                new UpdateCustomerV3
                {
                    Id = 1, Phone = "555-0199", Notes = "Prefers email.", ChannelIds = [1, 2],
                    FormFields = [new FormFieldV3 { Name = "shirt_size", Value = JsonElement.Parse("\"Medium\"") }],
                },
            })
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {CustomerV3Rules.MaxPerCall} customers in one call.",
                () => BcErrors.BatchTooLarge(CustomerV3Rules.MaxPerCall, "items"))
            .Answers(StatusCodes.Status409Conflict, "A customer of the batch was deleted, or its email changed, while the batch ran; nothing was written.",
                () => BcErrors.ChangedMeanwhile(ApiVersion.V3));
        customers.MapDelete("", Delete).WithName("deleteCustomersV3").WithSummary("Delete Customers");
        return v3;
    }

    /// <summary>The store's customers that match the filters, a page by number or from a cursor, with what <c>include</c> names.</summary>
    public static async Task<Ok<CursorPageV3<CustomerV3>>> List(
        [AsParameters] CustomerFilterV3 filter, StoreContext store, CustomerReadsV3 reads, CustomerDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await reads.ListAsync(filter, store, db, ct));

    /// <summary>
    /// Creates 1 to 10 customers, all or none, answering them in request order with their store credit and, when sent,
    /// their addresses. 422 names the item and field of each failure; a taken email in BigCommerce's words.
    /// </summary>
    public static async Task<Results<Ok<EnvelopeV3<CustomerV3>>, BcErrorResult>> Create(
        [FromBody] List<CreateCustomerV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, TimeProvider clock,
        CancellationToken ct)
    {
        var (written, error) = await CustomerWritesV3.CreateAsync(body, store, db, passwords, clock.UtcNowToTheSecond(), ct);
        return error ?? (Results<Ok<EnvelopeV3<CustomerV3>>, BcErrorResult>)TypedResults.Ok(Envelope.Written(written!));
    }

    /// <summary>Partial updates of 1 to 10 customers by id, all or none. Addresses and attribute values are not changed here (spec).</summary>
    public static async Task<Results<Ok<EnvelopeV3<CustomerV3>>, BcErrorResult>> Update(
        [FromBody] List<UpdateCustomerV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, TimeProvider clock,
        CancellationToken ct)
    {
        var (written, error) = await CustomerWritesV3.UpdateAsync(body, store, db, passwords, clock.UtcNowToTheSecond(), ct);
        return error ?? (Results<Ok<EnvelopeV3<CustomerV3>>, BcErrorResult>)TypedResults.Ok(Envelope.Written(written!));
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
