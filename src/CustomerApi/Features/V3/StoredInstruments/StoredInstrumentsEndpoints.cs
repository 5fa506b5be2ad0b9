using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.StoredInstruments;

/// <summary>
/// V3's <c>/customers/{customerId}/stored-instruments</c>. The emulator takes no payments, so no customer has a stored
/// card, PayPal account or bank account: an existing customer's list is <c>[]</c> [inferred]. Its own scope guards it
/// (spec: <c>store_stored_payment_instruments</c>, or the read-only twin), not the customers'.
/// </summary>
public static class StoredInstrumentsEndpoints
{
    public static RouteGroupBuilder MapStoredInstrumentsV3(this RouteGroupBuilder v3)
    {
        v3.MapGet("/customers/{customerId:int}/stored-instruments", List).WithTags("Stored Instruments (V3)")
            .WithName("getCustomerStoredInstruments").WithSummary("Get Stored Instruments")
            .WithDescription($"Needs a token with the {Scopes.StoredPaymentInstruments} scope (or its read-only twin); the customers scope does not reach it.")
            .WithMetadata(new StoreApi(ApiVersion.V3, Scopes.StoredPaymentInstruments));
        return v3;
    }

    /// <summary>The customer's stored instruments, a bare array as the spec answers it: always empty here.</summary>
    public static async Task<Results<Ok<object[]>, BcErrorResult>> List(
        [FromRoute(Name = "customerId")] int customerId, StoreContext store, CustomerDbContext db, CancellationToken ct) =>
        await db.Customers.AnyAsync(c => c.StoreId == store.Id && c.Id == customerId, ct)
            ? TypedResults.Ok(Array.Empty<object>())
            : BcErrors.NotFound(ApiVersion.V3);
}
